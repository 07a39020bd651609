using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>编辑用户: name, role, section; disable/enable, reset password, unlock.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(PlanDb db, UserManager<AppUser> users, TimeProvider clock, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty]
    public PasswordInput Reset { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    private bool _changedMeanwhile;

    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public bool IsDisabled { get; private set; }
    public bool IsLockedOut { get; private set; }
    public bool IsSelf { get; private set; }
    public List<SelectListItem> Sections { get; private set; } = [];

    public sealed record Input : IRoleAndSection
    {
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public int? SectionId { get; init; }
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

    public sealed record PasswordInput
    {
        public string NewPassword { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class PasswordValidator : AbstractValidator<PasswordInput>
    {
        public PasswordValidator()
        {
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码").MaximumLength(200).WithMessage("密码不能超过200个字符");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("两次输入的密码不一致");
        }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await ShowAsync(user, fillForm: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (validator.Validate(Form).AddTo(ModelState) && await SaveAsync(user, ct))
        {
            StatusMessage = "已保存";
            return RedirectToPage(new { id });
        }

        if (_changedMeanwhile) await db.Entry(user).ReloadAsync(ct);
        // After a concurrent change the form shows what is stored now, so nothing is overwritten blindly.
        await ShowAsync(user, fillForm: _changedMeanwhile, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (IsCurrentUser(user))
            return await RefuseAsync(user, "不能停用自己的账号", ct);

        user.IsDisabled = true;
        // A new security stamp makes every existing sign-in cookie fail its next validation (within a minute).
        var result = await users.UpdateSecurityStampAsync(user);
        return await DoneAsync(user, result, "账号已停用", ct);
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        user.IsDisabled = false;
        return await DoneAsync(user, await users.UpdateAsync(user), "账号已启用", ct);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, [FromServices] IValidator<PasswordInput> validator, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (!validator.Validate(Reset).AddTo(ModelState, nameof(Reset)))
        {
            await ShowAsync(user, fillForm: true, ct);
            return Page();
        }

        // The reset token path checks the password policy and renews the security stamp.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, Reset.NewPassword);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Reset.NewPassword", string.Join("；", result.Errors.Select(e => e.Description)));
            await ShowAsync(user, fillForm: true, ct);
            return Page();
        }

        return await DoneAsync(user, result, "密码已重置，请把新密码告知本人", ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        return await DoneAsync(user, result, "账号已解锁", ct);
    }

    private async Task<bool> SaveAsync(AppUser user, CancellationToken ct)
    {
        var currentRoles = await users.GetRolesAsync(user);
        if (IsCurrentUser(user) && Form.Role != Roles.Admin)
        {
            ModelState.AddModelError("Form.Role", "不能取消自己的系统管理员角色");
            return false;
        }
        if (Form.SectionId != user.SectionId && !await UserRules.SectionUsableAsync(db, Form.SectionId, user.SectionId, ct))
        {
            ModelState.AddModelError("Form.SectionId", "所选科室不存在或已停用");
            return false;
        }

        // A change made since the form was opened is not overwritten (the store re-checks the stamp on save).
        if (user.ConcurrencyStamp != Form.ConcurrencyStamp)
        {
            ModelState.AddModelError("", users.ErrorDescriber.ConcurrencyFailure().Description);
            _changedMeanwhile = true;
            return false;
        }

        user.DisplayName = Form.DisplayName.Trim();
        user.SectionId = Form.SectionId;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !currentRoles.SequenceEqual([Form.Role]))
        {
            result = await users.RemoveFromRolesAsync(user, currentRoles);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, Form.Role);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            _changedMeanwhile = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
            return false;
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("{Admin} updated user {UserName}: role {Role}, section {SectionId}", User.Identity?.Name, user.UserName, Form.Role, Form.SectionId);
        return true;
    }

    private bool IsCurrentUser(AppUser user) => users.GetUserId(User) == user.Id;

    private async Task<IActionResult> DoneAsync(AppUser user, IdentityResult result, string message, CancellationToken ct)
    {
        if (!result.Succeeded)
            return await RefuseAsync(user, string.Join("；", result.Errors.Select(e => e.Description)), ct);
        logger.LogInformation("{Admin}: {Action} for user {UserName}", User.Identity?.Name, message, user.UserName);
        StatusMessage = message;
        return RedirectToPage(new { id = user.Id });
    }

    private async Task<IActionResult> RefuseAsync(AppUser user, string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        // The entity may hold the refused change; show what is stored.
        await db.Entry(user).ReloadAsync(ct);
        await ShowAsync(user, fillForm: true, ct);
        return Page();
    }

    private async Task ShowAsync(AppUser user, bool fillForm, CancellationToken ct)
    {
        UserId = user.Id;
        UserName = user.UserName ?? "";
        IsDisabled = user.IsDisabled;
        IsLockedOut = user.LockoutEnd > clock.GetUtcNow();
        IsSelf = IsCurrentUser(user);
        if (fillForm)
        {
            Form = new Input
            {
                DisplayName = user.DisplayName,
                Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "",
                SectionId = user.SectionId,
                ConcurrencyStamp = user.ConcurrencyStamp ?? "",
            };
            ModelState.Remove("Form.DisplayName");
            ModelState.Remove("Form.Role");
            ModelState.Remove("Form.SectionId");
            ModelState.Remove("Form.ConcurrencyStamp");
        }
        Reset = new PasswordInput();
        Sections = await UserRules.SectionOptionsAsync(db, user.SectionId, ct);
    }
}
