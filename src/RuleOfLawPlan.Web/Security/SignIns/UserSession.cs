namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>
/// A signed-in browser. The <c>rolp.auth</c> cookie holds only <see cref="Key"/>; the ticket (claims, expiry)
/// lives here, so deleting the row ends the session on its next request, wherever the cookie was copied to.
/// </summary>
public sealed class UserSession
{
    private UserSession()
    {
    }

    public UserSession(string key, string userId, string securityStamp, byte[] ticket, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Key = key;
        UserId = userId;
        SecurityStamp = securityStamp;
        Ticket = ticket;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public string Key { get; private set; } = "";
    public string UserId { get; private set; } = "";
    /// <summary>The account's security stamp when the ticket was issued: a password change, reset or disable renews
    /// the stamp, and a session whose stamp no longer matches is not accepted.</summary>
    public string SecurityStamp { get; private set; } = "";
    public byte[] Ticket { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
}
