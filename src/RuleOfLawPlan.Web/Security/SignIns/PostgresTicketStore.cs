using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>
/// Server-side sessions: the sign-in cookie carries a random key, the ticket is a row of <c>user_sessions</c>.
/// Sign-out deletes the row. A session is accepted only while its account is enabled and still has the security
/// stamp the session was issued with, so a password change or reset and a disable end every session of the
/// account at its next request — one indexed lookup (session key and user id, both primary keys) per request.
/// </summary>
public sealed class PostgresTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityOptions> identity) : ITicketStore
{
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(8);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        db.UserSessions.Add(new UserSession(key, UserId(ticket), Stamp(ticket), TicketSerializer.Default.Serialize(ticket), now,
            ticket.Properties.ExpiresUtc ?? now + FallbackLifetime));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>Sliding expiry and the periodic claims refresh. A session deleted meanwhile stays deleted.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var stamp = Stamp(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + FallbackLifetime;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlanDb>().UserSessions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.SecurityStamp, stamp).SetProperty(s => s.ExpiresAt, expires),
                cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var bytes = await db.UserSessions
            .Where(s => s.Key == key && s.ExpiresAt > now)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Ticket, s.SecurityStamp, UserStamp = u.SecurityStamp, u.IsDisabled })
            .Where(x => !x.IsDisabled && x.SecurityStamp == x.UserStamp)
            .Select(x => x.Ticket)
            .FirstOrDefaultAsync(cancellationToken);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlanDb>().UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
        ?? throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored.");

    private string Stamp(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";
}
