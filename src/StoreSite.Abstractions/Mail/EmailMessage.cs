namespace StoreSite.Mail;

/// <summary>A message to one recipient. <see cref="HtmlBody"/> is optional; the text body is always sent.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
