using Microsoft.AspNetCore.Identity;

namespace StoreSite.Web.Data;

/// <summary>An account: store admin or customer. The user name is the email address.</summary>
public sealed class StoreUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
