using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Security;

/// <summary>
/// The one place accounts change: the user administration pages, <c>create-admin</c>, the bootstrap
/// administrator and the demo accounts all come here. It owns the account rules: a user has exactly one role;
/// a section only with a role that has one (<see cref="AccountRules"/>); at least one enabled administrator at
/// all times; nobody demotes or disables themselves.
/// </summary>
/// <remarks>
/// Every change runs in a transaction that first takes one PostgreSQL advisory lock, so account changes
/// happen one after the other, also across app instances and the command line. The other administrators
/// that allow a demotion or a disabling are therefore counted after any concurrent change has committed:
/// two administrators demoting each other at the same moment cannot leave none
/// (docs/decisions/009-one-account-service.md).
/// </remarks>
public sealed class AccountService(PlanDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, SignInGuard signInGuard,
    ILogger<AccountService> logger)
{
    /// <summary>Any fixed number will do as long as only this service takes it ("rolpacct").</summary>
    private const long AccountsLock = 0x726f6c7061636374;

    public const string AdminDisplayName = "系统管理员";
    public const string LastAdminMessage = "系统至少需要一名未停用的系统管理员：这是最后一名";

    private static readonly AccountResult Missing = AccountResult.Refused(AccountFields.Form, "该用户不存在");

    public Task<AccountResult> CreateAsync(NewAccount account, CancellationToken ct) =>
        ChangeAsync(() => CreateCoreAsync(account, ct), ct);

    /// <summary>Name, role (replacing the one the user had) and section, unless the account changed since <see cref="AccountChange.ConcurrencyStamp"/>.</summary>
    public Task<AccountResult> UpdateAsync(string userId, AccountChange change, string? actorId, CancellationToken ct) => ChangeAsync(async () =>
    {
        if (await users.FindByIdAsync(userId) is not { } user) return Missing;
        if (user.ConcurrencyStamp != change.ConcurrencyStamp) return Conflict;
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && change.Role != Roles.Admin)
        {
            if (userId == actorId) return AccountResult.Refused(AccountFields.Role, "不能取消自己的系统管理员角色");
            if (!user.IsDisabled && !await AnotherActiveAdminAsync(userId, ct)) return AccountResult.Refused(AccountFields.Role, LastAdminMessage);
        }
        if (await RoleAndSectionErrorAsync(change.Role, change.SectionId, user.SectionId, ct) is { } refused) return refused;

        user.ChangeProfile(change.DisplayName.Trim(), change.SectionId);
        // Only a leader answers for tasks as their 责任领导: another role keeps no 领导职务.
        user.ChangeLeaderTitles(change.Role == Roles.Leader ? change.LeaderTitles : null);
        var result = Outcome(await users.UpdateAsync(user));
        if (result.Succeeded) result = await SetRoleAsync(user, current, change.Role);
        if (result.Succeeded) logger.LogInformation("Updated user {UserName}: role {Role}, section {SectionId}", user.UserName, change.Role, change.SectionId);
        return result;
    }, ct);

    public Task<AccountResult> DisableAsync(string userId, string? actorId, CancellationToken ct) => ChangeAsync(async () =>
    {
        if (await users.FindByIdAsync(userId) is not { } user) return Missing;
        if (userId == actorId) return AccountResult.Refused(AccountFields.Form, "不能停用自己的账号");
        if (user.IsDisabled) return AccountResult.Saved;
        if (await users.IsInRoleAsync(user, Roles.Admin) && !await AnotherActiveAdminAsync(userId, ct))
            return AccountResult.Refused(AccountFields.Form, LastAdminMessage);

        user.Disable();
        // A new security stamp makes the account's sign-in cookies fail their next validation.
        var result = Outcome(await users.UpdateSecurityStampAsync(user));
        if (result.Succeeded) logger.LogInformation("Disabled user {UserName}", user.UserName);
        return result;
    }, ct);

    public Task<AccountResult> EnableAsync(string userId, CancellationToken ct) => ChangeAsync(async () =>
    {
        if (await users.FindByIdAsync(userId) is not { } user) return Missing;
        if (!user.IsDisabled) return AccountResult.Saved;
        user.Enable();
        var result = Outcome(await users.UpdateAsync(user));
        if (result.Succeeded) logger.LogInformation("Enabled user {UserName}", user.UserName);
        return result;
    }, ct);

    /// <summary>A new password, checked against the policy; the account is unlocked too, so the person can use it at once.</summary>
    public Task<AccountResult> ResetPasswordAsync(string userId, string password, CancellationToken ct) => ChangeAsync(async () =>
    {
        if (await users.FindByIdAsync(userId) is not { } user) return Missing;
        var result = await SetPasswordAndUnlockAsync(user, password, ct);
        if (result.Succeeded) logger.LogInformation("Reset the password of user {UserName}", user.UserName);
        return result;
    }, ct);

    public Task<AccountResult> UnlockAsync(string userId, CancellationToken ct) => ChangeAsync(async () =>
    {
        if (await users.FindByIdAsync(userId) is not { } user) return Missing;
        var result = await UnlockAsync(user, SignInReason.Unlocked, ct);
        if (result.Succeeded) logger.LogInformation("Unlocked user {UserName}", user.UserName);
        return result;
    }, ct);

    /// <summary>The five roles, on every start (and before the command line's first administrator).</summary>
    public Task EnsureRolesAsync(CancellationToken ct) => ChangeAsync(async () =>
    {
        await EnsureRolesCoreAsync();
        return AccountResult.Saved;
    }, ct);

    /// <summary><c>create-admin NAME</c>: a new, enabled administrator.</summary>
    public Task<AccountResult> CreateAdminAsync(string userName, string password, CancellationToken ct) => ChangeAsync(async () =>
    {
        await EnsureRolesCoreAsync();
        return await CreateCoreAsync(new NewAccount(userName, AdminDisplayName, Roles.Admin, SectionId: null, password), ct);
    }, ct);

    /// <summary>
    /// <c>create-admin NAME --reset</c>, the way back in: the existing account gets the password and ends up
    /// enabled, unlocked and with exactly the Admin role (and so no section).
    /// </summary>
    public Task<AccountResult> ResetAdminAsync(string userName, string password, CancellationToken ct) => ChangeAsync(async () =>
    {
        if (await users.FindByNameAsync(userName.Trim()) is not { } user)
            return AccountResult.Refused(AccountFields.UserName, $"用户“{userName}”不存在");
        await EnsureRolesCoreAsync();
        var result = await SetPasswordAndUnlockAsync(user, password, ct);
        if (!result.Succeeded) return result;

        user.Enable();
        user.ChangeProfile(user.DisplayName, sectionId: null);
        user.ChangeLeaderTitles(null);
        result = Outcome(await users.UpdateAsync(user));
        if (result.Succeeded) result = await SetRoleAsync(user, await users.GetRolesAsync(user), Roles.Admin);
        if (result.Succeeded) logger.LogWarning("Reset administrator {UserName} from the command line", user.UserName);
        return result;
    }, ct);

    /// <summary>The bootstrap administrator: created only while no administrator exists; null when one does.</summary>
    public async Task<AccountResult?> CreateFirstAdminAsync(string userName, string password, CancellationToken ct)
    {
        AccountResult? created = null;
        await ChangeAsync(async () =>
        {
            await EnsureRolesCoreAsync();
            if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return AccountResult.Saved;
            return created = await CreateCoreAsync(new NewAccount(userName, AdminDisplayName, Roles.Admin, SectionId: null, password), ct);
        }, ct);
        return created;
    }

    /// <summary>
    /// One transaction for the whole change, after the accounts lock: committed when the change succeeded,
    /// rolled back (nothing stored) otherwise.
    /// </summary>
    private async Task<AccountResult> ChangeAsync(Func<Task<AccountResult>> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AccountsLock})", ct);
        var result = await change();
        if (result.Succeeded) await transaction.CommitAsync(ct);
        return result;
    }

    private async Task EnsureRolesCoreAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private async Task<AccountResult> CreateCoreAsync(NewAccount account, CancellationToken ct)
    {
        if (await RoleAndSectionErrorAsync(account.Role, account.SectionId, currentSectionId: null, ct) is { } refused) return refused;
        var user = new AppUser(account.UserName.Trim(), account.DisplayName.Trim(), account.SectionId);
        user.ChangeLeaderTitles(account.Role == Roles.Leader ? account.LeaderTitles : null);
        var result = Outcome(await users.CreateAsync(user, account.Password));
        if (result.Succeeded) result = Outcome(await users.AddToRoleAsync(user, account.Role));
        if (result.Succeeded) logger.LogInformation("Created user {UserName} as {Role}", user.UserName, account.Role);
        return result;
    }

    /// <summary>The role and section rule, and a newly chosen section must exist and be in use.</summary>
    private async Task<AccountResult?> RoleAndSectionErrorAsync(string role, int? sectionId, int? currentSectionId, CancellationToken ct)
    {
        if (AccountRules.RoleAndSection(role, sectionId) is { } broken) return new(SaveResult.Refused, [broken]);
        if (sectionId is int id && id != currentSectionId && !await db.Sections.AnyAsync(s => s.Id == id && s.IsActive, ct))
            return AccountResult.Refused(AccountFields.SectionId, "所选科室不存在或已停用");
        return null;
    }

    /// <summary>Someone other than <paramref name="userId"/> is an enabled administrator (read under the accounts lock).</summary>
    private Task<bool> AnotherActiveAdminAsync(string userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id != userId && !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)), ct);

    /// <summary>Exactly <paramref name="role"/> afterwards, whatever the user had.</summary>
    private async Task<AccountResult> SetRoleAsync(AppUser user, IList<string> current, string role)
    {
        if (current.SequenceEqual([role])) return AccountResult.Saved;
        var result = Outcome(await users.RemoveFromRolesAsync(user, current));
        return result.Succeeded ? Outcome(await users.AddToRoleAsync(user, role)) : result;
    }

    private async Task<AccountResult> SetPasswordAndUnlockAsync(AppUser user, string password, CancellationToken ct)
    {
        // The reset-token path checks the password policy and renews the security stamp, which also ends the
        // account's sessions (PostgresTicketStore).
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = Outcome(await users.ResetPasswordAsync(user, token, password));
        return result.Succeeded ? await UnlockAsync(user, SignInReason.PasswordReset, ct) : result;
    }

    /// <summary>Earlier wrong passwords no longer hold the account back, from any address (the sign-in throttle,
    /// docs/security.md); Identity's own lockout is not used.</summary>
    private async Task<AccountResult> UnlockAsync(AppUser user, SignInReason reason, CancellationToken ct)
    {
        await signInGuard.ReleaseAsync(user, reason, ct);
        return AccountResult.Saved;
    }

    private AccountResult Conflict => new(SaveResult.Conflict, [new(AccountFields.Form, users.ErrorDescriber.ConcurrencyFailure().Description)]);

    /// <summary>Identity's errors as fields: every password complaint at once under Password, a taken name as a duplicate.</summary>
    private static AccountResult Outcome(IdentityResult result)
    {
        if (result.Succeeded) return AccountResult.Saved;
        static bool IsPassword(IdentityError e) => e.Code.StartsWith("Password", StringComparison.Ordinal);
        var errors = new List<AccountError>();
        var password = result.Errors.Where(IsPassword).Select(e => e.Description).ToList();
        if (password.Count > 0) errors.Add(new(AccountFields.Password, string.Join("；", password)));
        errors.AddRange(result.Errors.Where(e => !IsPassword(e)).Select(e => new AccountError(
            e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) ? AccountFields.UserName : AccountFields.Form,
            e.Description)));
        var outcome = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? SaveResult.Conflict
            : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)) ? SaveResult.Duplicate
            : SaveResult.Refused;
        return new(outcome, errors);
    }
}
