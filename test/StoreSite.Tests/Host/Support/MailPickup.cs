using System.Text.RegularExpressions;
using MimeKit;

namespace StoreSite.Tests.Host.Support;

/// <summary>Reads the <c>.eml</c> files the site wrote into its mail pickup folder.</summary>
public static partial class MailPickup
{
    /// <summary>Every message in <paramref name="folder"/>, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> All(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    /// <summary>The messages sent to <paramref name="email"/>, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> To(string folder, string email) =>
        All(folder).Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The path and query of the reset link in the last message to <paramref name="email"/>.</summary>
    public static string ResetLink(string folder, string email)
    {
        var message = To(folder, email).LastOrDefault() ?? throw new InvalidOperationException($"No mail to {email} in {folder}.");
        return ResetLink(message);
    }

    public static string ResetLink(MimeMessage message) => ResetUri(message).PathAndQuery;

    /// <summary>The whole reset link of <paramref name="message"/>'s text, with its scheme and host.</summary>
    public static Uri ResetUri(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = ResetLinkPattern().Match(message.TextBody ?? string.Empty);
        return match.Success
            ? new Uri(match.Value)
            : throw new InvalidOperationException($"No reset link in: {message.TextBody}");
    }

    /// <summary>The whole link after "Your order: " in <paramref name="message"/>'s text (order confirmation and notices).</summary>
    public static Uri OrderUri(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = OrderLinkPattern().Match(message.TextBody ?? string.Empty);
        return match.Success
            ? new Uri(match.Groups[1].Value)
            : throw new InvalidOperationException($"No order link in: {message.TextBody}");
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLinkPattern();

    [GeneratedRegex(@"Your order: (\S+)")]
    private static partial Regex OrderLinkPattern();
}
