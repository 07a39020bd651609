using System.Text;
using Microsoft.AspNetCore.Identity;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Cli;

/// <summary>
/// <c>create-admin USERNAME [--reset]</c>: production's first administrator, with a password that only the
/// person running the command knows (there is never a default one).
/// </summary>
public static class CreateAdminCommand
{
    public const string PasswordVariable = "ROLP_ADMIN_PASSWORD";

    /// <summary>The password from <see cref="PasswordVariable"/>, else typed at the terminal without echo.</summary>
    public static string? ReadPassword()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (Console.IsInputRedirected) return Console.In.ReadLine();

        var first = Prompt("密码 / password: ");
        var second = Prompt("再次输入 / again: ");
        if (first == second) return first;
        Console.Error.WriteLine("两次输入的密码不一致 / the passwords differ");
        return null;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0) password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        Console.WriteLine();
        return password.ToString();
    }

    /// <summary>Creates <paramref name="userName"/> as an Admin, or with <paramref name="reset"/> sets the password of an existing one.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string userName, bool reset, string? password,
        TextWriter output, TextWriter error)
    {
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine($"没有密码：请设置环境变量 {PasswordVariable} 或在终端输入 / no password given");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Admin))
            await roles.CreateAsync(new IdentityRole(Roles.Admin));

        var existing = await users.FindByNameAsync(userName);
        if (existing is not null)
        {
            if (!reset)
            {
                error.WriteLine($"用户“{userName}”已存在；要重设其密码请加 --reset / user exists, add --reset to set its password");
                return 1;
            }
            var token = await users.GeneratePasswordResetTokenAsync(existing);
            if (!Report(await users.ResetPasswordAsync(existing, token, password), error)) return 1;
            // The administrator who runs this must be able to get in: enabled, unlocked, and an Admin.
            existing.IsDisabled = false;
            existing.LockoutEnd = null;
            existing.AccessFailedCount = 0;
            if (!Report(await users.UpdateAsync(existing), error)) return 1;
            if (!await users.IsInRoleAsync(existing, Roles.Admin) && !Report(await users.AddToRoleAsync(existing, Roles.Admin), error)) return 1;
            output.WriteLine($"已重设管理员“{userName}”的密码 / password reset");
            return 0;
        }

        var result = await CreateAsync(users, userName, password);
        if (!Report(result, error)) return 1;
        output.WriteLine($"已创建系统管理员“{userName}” / administrator created");
        return 0;
    }

    /// <summary>A new enabled Admin; the password is checked against the Identity policy.</summary>
    public static async Task<IdentityResult> CreateAsync(UserManager<AppUser> users, string userName, string password)
    {
        var user = new AppUser { UserName = userName, DisplayName = "系统管理员" };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded) await users.DeleteAsync(user);
        return result;
    }

    private static bool Report(IdentityResult result, TextWriter error)
    {
        foreach (var e in result.Errors) error.WriteLine(e.Description);
        return result.Succeeded;
    }
}
