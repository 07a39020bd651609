using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Pages.Account;

/// <summary>修改密码: any signed-in user changes their own password, knowing the current one.</summary>
[Authorize]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<PasswordModel> logger) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record Input
    {
        public string CurrentPassword { get; init; } = "";
        public string NewPassword { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请输入当前密码").MaximumLength(200);
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码").MaximumLength(200).WithMessage("密码不能超过200个字符");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("两次输入的新密码不一致");
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<Input> validator)
    {
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                ModelState.AddModelError("Form.CurrentPassword", "当前密码不正确");
            var policy = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)).Select(e => e.Description).ToList();
            if (policy.Count > 0) ModelState.AddModelError("Form.NewPassword", string.Join("；", policy));
            return Page();
        }

        // The security stamp changed with the password: a fresh cookie keeps this session, other sessions end.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} changed their password", user.UserName);
        StatusMessage = "密码已修改";
        return RedirectToPage();
    }
}
