using Microsoft.Extensions.DependencyInjection;

namespace StoreSite.Tests.Infrastructure;

/// <summary>How a <see cref="TestSite"/> starts.</summary>
public sealed class TestSiteOptions
{
    /// <summary>Auto-setup recipe (name or path); null starts a site that waits for /setup.</summary>
    public string? Recipe { get; set; } = "store";

    /// <summary>Use this PostgreSQL database instead of SQLite in the temporary App_Data.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Reuse an App_Data folder (restart tests); by default a new temporary folder.</summary>
    public string? AppData { get; set; }

    /// <summary>Extra configuration, e.g. <c>["StoreSite:SignIn:PermitPerMinute"] = "3"</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Service overrides applied after the app's own registrations.</summary>
    public Action<IServiceCollection>? Services { get; set; }

    /// <summary>Serve on a real Kestrel socket at 127.0.0.1 on a free port (browser tests); see <see cref="TestSite.BaseAddress"/>.</summary>
    public bool Kestrel { get; set; }

    /// <summary>The fake clock's start; defaults to the real current time.</summary>
    public DateTimeOffset? Now { get; set; }
}
