using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>账号状态: disable or enable the account, lift a lockout. The buttons carry no input.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class StatusModel(PlanDb db, AccountService accounts, SignInGuard signInGuard) : PageModel
{
    public UserForms.UserSummary Account { get; private set; } = null!;
    public bool IsSelf => Account.Id == User.UserId();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Done(id, await accounts.DisableAsync(id, User.UserId(), ct), "账号已停用");

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Done(id, await accounts.EnableAsync(id, ct), "账号已启用");

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Done(id, await accounts.UnlockAsync(id, ct), "账号已解锁");

    /// <summary>After a change, the page again (so a reload does not repeat it); after a refusal, the reason, nothing changed.</summary>
    private IActionResult Done(string id, AccountResult result, string message)
    {
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }
        TempData["StatusMessage"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await db.UserSummaryAsync(signInGuard, id, ct) is not { } account) return NotFound();
        Account = account;
        return null;
    }
}
