using System.Reflection;
using Microsoft.AspNetCore.Identity;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Admin;

public sealed class AccountServiceUseTests
{
    /// <summary>
    /// The user pages, the command line and start-up (bootstrap administrator, demo accounts) reach accounts only
    /// through <see cref="AccountService"/>, which holds the one-role and last-administrator rules. Checked on what
    /// their types hold and take: constructor and method parameters, and fields, which include the captured
    /// parameters of primary constructors and the locals that async methods keep across an await.
    /// </summary>
    [Fact]
    public void User_pages_the_command_line_and_start_up_change_accounts_only_through_the_account_service()
    {
        Type[] identityManagers = [typeof(UserManager<AppUser>), typeof(RoleManager<IdentityRole>)];
        string[] callers = ["RuleOfLawPlan.Web.Pages.Admin", "RuleOfLawPlan.Web.Cli", "RuleOfLawPlan.Web.Data"];

        var types = typeof(AccountService).Assembly.GetTypes()
            .Where(t => callers.Any(ns => t.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true)).ToList();
        var offenders = types
            .SelectMany(t => Dependencies(t).Where(identityManagers.Contains).Select(d => $"{t.FullName} uses {d.Name}"))
            .Distinct().ToList();

        types.ShouldContain(typeof(Pages.Admin.Users.EditModel));
        offenders.ShouldBeEmpty("these should ask AccountService instead");
    }

    private static IEnumerable<Type> Dependencies(Type type)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetConstructors(declared).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetMethods(declared).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetFields(declared).Select(f => f.FieldType));
    }
}
