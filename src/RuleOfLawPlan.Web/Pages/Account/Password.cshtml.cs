using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Pages.Account;

/// <summary>
/// 修改密码: any signed-in user changes their own password, knowing the current one. A wrong current password
/// counts toward the same throttle as a wrong password on the login page, so a borrowed session cannot guess it.
/// </summary>
[Authorize]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInGuard guard, ILogger<PasswordModel> logger) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed record Input
    {
        [DataType(DataType.Password)]
        public string CurrentPassword { get; init; } = "";
        [DataType(DataType.Password)]
        public string NewPassword { get; init; } = "";
        [DataType(DataType.Password)]
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

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var userName = user.NormalizedUserName ?? guard.Normalize(user.UserName ?? "");
        var address = ClientAddress.Of(HttpContext);
        if (await guard.CheckAsync(userName, address, ct) is { } throttled)
        {
            guard.LogThrottled(userName, address, throttled);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = throttled.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", $"密码错误次数过多，请{throttled.Wait}后再试");
            return Page();
        }

        var persistent = (await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.IsPersistent ?? false;
        var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await guard.RecordAsync(userName, user.Id, address, SignInOutcome.Failed, SignInReason.WrongCurrentPassword, ct);
                ModelState.AddModelError("Form.CurrentPassword", "当前密码不正确");
            }
            var policy = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)).Select(e => e.Description).ToList();
            if (policy.Count > 0) ModelState.AddModelError("Form.NewPassword", string.Join("；", policy));
            return Page();
        }

        // The security stamp changed with the password, which ends every session of the account (PostgresTicketStore),
        // this one included; this browser gets a new session, so a copy of its old cookie is worthless too.
        await signIn.SignOutAsync();
        await HttpContext.StartNewSessionAsync(user, persistent);
        logger.LogInformation("User {UserName} changed their password", user.UserName);
        StatusMessage = "密码已修改";
        return RedirectToPage();
    }
}
