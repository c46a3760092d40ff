namespace StoreSite.Notifications;

/// <summary>How a page notice looks and is announced.</summary>
public enum NoticeKind
{
    Success,
    Error,
}
