namespace StoreSite.Notifications;

/// <summary>
/// Page notices: a message shown once at the top of the next page the user sees (after a redirect,
/// or on the page rendered now). The one way controllers tell people how an action went.
/// </summary>
public interface INotifier
{
    /// <summary>The action worked (<c>role="status"</c>).</summary>
    void Success(string message);

    /// <summary>The action did not work, or needs attention (<c>role="alert"</c>).</summary>
    void Error(string message);
}
