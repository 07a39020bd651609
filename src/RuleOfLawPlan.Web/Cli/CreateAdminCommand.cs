using System.Text;
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

    /// <summary>
    /// Creates <paramref name="userName"/> as an Admin, or with <paramref name="reset"/> gives an existing account the
    /// password and makes it an enabled, unlocked administrator with no other role (<see cref="AccountService"/>).
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, string userName, bool reset, string? password,
        TextWriter output, TextWriter error)
    {
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine($"没有密码：请设置环境变量 {PasswordVariable} 或在终端输入 / no password given");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = reset
            ? await accounts.ResetAdminAsync(userName, password, CancellationToken.None)
            : await accounts.CreateAdminAsync(userName, password, CancellationToken.None);
        switch (result.Outcome)
        {
            case SaveResult.Saved:
                output.WriteLine(reset ? $"已重设管理员“{userName}”的密码 / password reset" : $"已创建系统管理员“{userName}” / administrator created");
                return 0;
            case SaveResult.Duplicate:
                error.WriteLine($"用户“{userName}”已存在；要重设其密码请加 --reset / user exists, add --reset to set its password");
                return 1;
            default:
                error.WriteLine(result.ToString());
                return 1;
        }
    }
}
