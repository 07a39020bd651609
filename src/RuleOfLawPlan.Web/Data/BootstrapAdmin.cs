using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Data;

/// <summary>
/// Bootstrap:AdminUserName and Bootstrap:AdminPassword (env Bootstrap__AdminUserName, Bootstrap__AdminPassword)
/// create the first administrator on start, once: as soon as any Admin exists they are ignored.
/// </summary>
public static class BootstrapAdmin
{
    public static async Task EnsureAsync(AccountService accounts, IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return;

        var result = await accounts.CreateFirstAdminAsync(userName.Trim(), password, ct);
        if (result is null) return;
        if (!result.Succeeded)
            // Starting without a way in would leave the operator guessing: refuse to start, say why.
            throw new InvalidOperationException("Bootstrap administrator not created: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        logger.LogWarning("Created the first administrator {UserName} from Bootstrap settings; remove Bootstrap__AdminPassword from the environment", userName);
    }
}
