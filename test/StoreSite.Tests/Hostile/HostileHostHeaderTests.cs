using StoreSite.Tests.Host.Support;

namespace StoreSite.Tests.Hostile;

/// <summary>
/// Host headers of the client's choosing on the forgot-password form, sent over a real socket to Kestrel:
/// Kestrel refuses the malformed ones (400) before the app runs; the app answers the others with its form,
/// and the reset link mailed is on the server's own address, never on the header's host. Never a 5xx,
/// the database unchanged.
/// </summary>
public sealed class HostileHostHeaderTests(HostileKestrelSite site) : IClassFixture<HostileKestrelSite>
{
    /// <summary>Label, the header lines sent, the documented status.</summary>
    public static TheoryData<string, string[], int> Cases => new()
    {
        { "Host evil.example", ["Host: evil.example"], 200 },
        { "Host evil.example with a port", ["Host: evil.example:8443"], 200 },
        { "Host of 10,000 characters", ["Host: " + new string('a', 10_000) + ".example"], 200 },
        { "non-ASCII Host", ["Host: b\u00FCcher.example"], 400 },
        { "empty Host", ["Host: "], 200 },
        { "Host localhost:99999", ["Host: localhost:99999"], 200 },
        { "Host with a path", ["Host: evil.example/reset"], 400 },
        { "Host with user info", ["Host: user@evil.example"], 400 },
        { "two Host values", ["Host: localhost", "Host: evil.example"], 400 },
        { "X-Forwarded-Host evil.example", ["Host: localhost", "X-Forwarded-Host: evil.example"], 200 },
        { "no Host", [], 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_host_header_gets_its_documented_answer_and_never_a_link_to_its_host(string label, string[] lines, int status)
    {
        var before = await site.FingerprintAsync();
        var mailed = MailPickup.To(site.Site.MailFolder, HostileKestrelSite.CustomerEmail).Count;

        var answer = await site.PostForgotPasswordAsync(HostileKestrelSite.CustomerEmail, lines.Select(l => (l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 2)..])));
        await site.Site.PasswordResetsHandledAsync();

        Assert.True(answer == status, $"{label}: expected {status}, got {answer}");
        var mails = MailPickup.To(site.Site.MailFolder, HostileKestrelSite.CustomerEmail);
        Assert.Equal(mailed + (status == 200 ? 1 : 0), mails.Count);
        Assert.All(mails, mail => Assert.Equal(site.Site.BaseAddress.GetLeftPart(UriPartial.Authority), MailPickup.ResetUri(mail).GetLeftPart(UriPartial.Authority)));
        Assert.Equal(before, await site.FingerprintAsync());
    }
}
