namespace StoreSite.Web.ViewModels;

public sealed class AdminDashboardViewModel
{
    /// <summary>Set when no public address is configured or recorded: the server's own address, which mails link to now.</summary>
    public string? ServerAddress { get; init; }
}
