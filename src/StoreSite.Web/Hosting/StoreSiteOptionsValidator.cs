using System.Net;
using Microsoft.Extensions.Options;
using StoreSite.Data;
using StoreSite.Web.Recipes;

namespace StoreSite.Web.Hosting;

/// <summary>Fails the start with a message naming the configuration key.</summary>
public sealed class StoreSiteOptionsValidator : IValidateOptions<StoreSiteOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreSiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppData))
        {
            failures.Add("StoreSite:AppData must name a folder.");
        }

        // The value is not repeated: a refused address may hold a password (https://user:secret@host/).
        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && SiteSettingsRules.PublicUrl(options.PublicUrl) is null)
        {
            failures.Add($"StoreSite:PublicUrl: {SiteSettingsRules.PublicUrlProblem}");
        }

        var provider = options.Database.Provider;
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _))
        {
            failures.Add($"StoreSite:Database:Provider must be 'Sqlite' or 'Postgres', not '{provider}'.");
        }

        if (string.Equals(provider, nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            failures.Add("StoreSite:Database:ConnectionString is required when StoreSite:Database:Provider is Postgres.");
        }

        foreach (var proxy in Split(options.ForwardedHeaders.KnownProxies))
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                failures.Add($"StoreSite:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
            }
        }

        foreach (var network in Split(options.ForwardedHeaders.KnownNetworks))
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                failures.Add($"StoreSite:ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation.");
            }
        }

        if (options.ForwardedHeaders.ForwardLimit < 1)
        {
            failures.Add("StoreSite:ForwardedHeaders:ForwardLimit must be at least 1.");
        }

        if (!string.IsNullOrEmpty(options.Metrics.Token)
            && (options.Metrics.Token.Length < MetricsOptions.MinTokenLength || options.Metrics.Token.Any(c => c is < '!' or > '~')))
        {
            failures.Add($"StoreSite:Metrics:Token must be at least {MetricsOptions.MinTokenLength} printable ASCII characters without spaces (or empty: /metrics is then not served).");
        }

        if (options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add("StoreSite:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.TryParse<MailKit.Security.SecureSocketOptions>(options.Smtp.Security, ignoreCase: true, out _))
        {
            failures.Add("StoreSite:Smtp:Security must be None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.");
        }

        if (options.SignIn.PermitPerMinute < 1)
        {
            failures.Add("StoreSite:SignIn:PermitPerMinute must be at least 1.");
        }

        if (options.SignIn.MaxFailedAttempts < 1)
        {
            failures.Add("StoreSite:SignIn:MaxFailedAttempts must be at least 1.");
        }

        if (options.SignIn.LockoutMinutes < 1)
        {
            failures.Add("StoreSite:SignIn:LockoutMinutes must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> Split(string? list) =>
        (list ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
