using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>重置密码: the administrator sets a new password and tells it to the person; a locked account is unlocked with it.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class ResetPasswordModel(PlanDb db, AccountService accounts, SignInGuard signInGuard) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public UserForms.UserSummary Account { get; private set; } = null!;

    public sealed record Input
    {
        [DataType(DataType.Password)]
        public string Password { get; init; } = "";
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Password).NotEmpty().WithMessage("请输入新密码").MaximumLength(200).WithMessage("密码不能超过200个字符");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("两次输入的密码不一致");
        }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        var result = await accounts.ResetPasswordAsync(id, Form.Password, ct);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }
        TempData["StatusMessage"] = "密码已重置，账号已解锁，请把新密码告知本人";
        return RedirectToPage("Edit", new { id });
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await db.UserSummaryAsync(signInGuard, id, ct) is not { } account) return NotFound();
        Account = account;
        return null;
    }
}
