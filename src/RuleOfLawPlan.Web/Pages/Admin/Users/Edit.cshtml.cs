using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>编辑用户: name, role and section. The password and the account's status have pages of their own.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(PlanDb db, AccountService accounts, SignInGuard signInGuard) : PageModel
{
    public const string ConcurrencyMessage = "该账号已被他人修改，下面是当前内容。请核对后再提交，您的修改尚未保存。";

    [BindProperty]
    public Input Form { get; set; } = new();

    public UserForms.UserSummary Account { get; private set; } = null!;
    public List<SelectListItem> Sections { get; private set; } = [];

    /// <summary>Set when someone else changed the account meanwhile: the values as stored now.</summary>
    public UserForms.UserSummary? Current { get; private set; }

    /// <summary>The stamp of the values the page shows as stored: after a conflict the current one, whatever was posted.</summary>
    public string ConcurrencyStamp => Current?.ConcurrencyStamp ?? Form.ConcurrencyStamp;

    public bool IsSelf => Account.Id == User.UserId();

    public sealed record Input : IRoleAndSection
    {
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public int? SectionId { get; init; }
        public string? LeaderTitles { get; init; }
        /// <summary>Identity's concurrency stamp as it was when the form was opened.</summary>
        public string ConcurrencyStamp { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("请输入姓名").MaximumLength(100).WithMessage("姓名不能超过100个字");
            Include(new RoleAndSectionValidator());
        }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        Form = new Input
        {
            DisplayName = Account.DisplayName,
            Role = Account.Role ?? "",
            SectionId = Account.SectionId,
            LeaderTitles = Account.LeaderTitles,
            ConcurrencyStamp = Account.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        var result = await accounts.UpdateAsync(id, new AccountChange(Form.DisplayName, Form.Role, Form.SectionId, Form.ConcurrencyStamp, Form.LeaderTitles), User.UserId(), ct);
        switch (result.Outcome)
        {
            case SaveResult.Saved:
                TempData["StatusMessage"] = "已保存";
                return RedirectToPage(new { id });
            case SaveResult.Conflict:
                // Keeps the administrator's input and shows beside it what is stored now; nothing was overwritten.
                if (await LoadAsync(id, ct) is { } gone) return gone;
                Current = Account;
                ModelState.AddModelError("", ConcurrencyMessage);
                return Page();
            default:
                result.AddTo(ModelState);
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await db.UserSummaryAsync(signInGuard, id, ct) is not { } account) return NotFound();
        Account = account;
        Sections = await UserForms.SectionOptionsAsync(db, account.SectionId, ct);
        return null;
    }
}
