using System.Net;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Resilience;

public sealed class ServerProcessTests
{
    [Fact]
    public async Task A_killed_server_restarts_on_the_same_App_Data_as_the_same_site()
    {
        var appData = Path.Combine(Path.GetTempPath(), "storesite-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["StoreSite__AppData"] = appData,
                ["StoreSite__AutoSetup__Recipe"] = "store",
                ["StoreSite__AutoSetup__SiteName"] = "Process Store",
                ["StoreSite__AutoSetup__AdminEmail"] = TestSite.AdminEmail,
                ["StoreSite__AutoSetup__AdminPassword"] = TestSite.AdminPassword,
            };
            await using (var first = await ServerProcess.StartAsync(environment))
            {
                first.Kill();
                Assert.True(first.HasExited);
            }

            environment["StoreSite__AutoSetup__SiteName"] = "Should Not Be Used";
            await using var second = await ServerProcess.StartAsync(environment);
            using var client = second.CreateClient();
            using var home = await client.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("Process Store", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(appData))
            {
                Directory.Delete(appData, recursive: true);
            }
        }
    }
}
