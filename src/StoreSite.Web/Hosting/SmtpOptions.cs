namespace StoreSite.Web.Hosting;

/// <summary><c>StoreSite:Smtp</c>. Without <see cref="Host"/> mail goes to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>Auto</c>, <c>SslOnConnect</c>, <c>StartTls</c> or <c>StartTlsWhenAvailable</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The sender. An address alone (the default) is sent under the store's name from the site
    /// settings; a display name given here (<c>Shop &lt;shop@example.com&gt;</c>) wins.
    /// </summary>
    public string From { get; set; } = "noreply@localhost";
}
