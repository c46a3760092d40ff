using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StoreSite.Tests.Infrastructure;

namespace StoreSite.Tests.Host.Support;

/// <summary>One <c>/admin</c> action of the host, with a URL that reaches it.</summary>
public sealed record HostAdminEndpoint(string Method, string Url, string Action, string? Policy)
{
    public override string ToString() => $"{Method} {Url} ({Action})";

    /// <summary>Every <c>/admin</c> action of the host's controllers (modules' actions are left out), read from routing.</summary>
    public static IReadOnlyList<HostAdminEndpoint> All(TestSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var hostAssembly = typeof(StoreSite.Web.Permissions).Assembly;
        return site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').Split('/')[0] == "admin")
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action?.ControllerTypeInfo.Assembly == hostAssembly)
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new HostAdminEndpoint(
                    method,
                    SampleUrl(e.Endpoint.RoutePattern.RawText!),
                    $"{e.Action!.ControllerName}.{e.Action.ActionName}",
                    e.Action.MethodInfo.GetCustomAttributes<AuthorizeAttribute>().FirstOrDefault()?.Policy)))
            .OrderBy(e => e.Url, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    private static string SampleUrl(string pattern) =>
        "/" + string.Join('/', pattern.TrimStart('/').Split('/').Select(segment => segment.StartsWith('{') ? "CP.Commerce" : segment));
}
