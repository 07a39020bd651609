using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Pages.Account;

/// <summary>
/// 登录. An unknown name, a disabled or throttled account and a wrong password look the same until the right
/// password is given: one message, one password-hash verification (docs/security.md).
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInGuard guard) : PageModel
{
    public const string WrongCredentials = "用户名或密码错误";
    public const string AccountDisabled = "该账号已停用，请联系系统管理员";

    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed record Input
    {
        public string UserName { get; init; } = "";
        [DataType(DataType.Password)]
        public string Password { get; init; } = "";
        public bool RememberMe { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("请输入用户名").MaximumLength(100).WithMessage("用户名不能超过100个字符");
            RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码").MaximumLength(200).WithMessage("密码不能超过200个字符");
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        // A checkbox value other than true/false ("yes") is not worth refusing the sign-in for: it means unticked.
        if (ModelState.GetFieldValidationState("Form.RememberMe") == ModelValidationState.Invalid)
        {
            ModelState.Remove("Form.RememberMe");
            ModelState.SetModelValue("Form.RememberMe", false, "false");
            ModelState.MarkFieldValid("Form.RememberMe");
        }
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        var userName = guard.Normalize(Form.UserName);
        var address = ClientAddress.Of(HttpContext);
        if (await guard.CheckAsync(userName, address, ct) is { } throttled)
        {
            guard.LogThrottled(userName, address, throttled);
            return TooManyAttempts(throttled);
        }

        var user = await signIn.UserManager.FindByNameAsync(Form.UserName.Trim());
        if (!await guard.CheckPasswordAsync(user, Form.Password))
        {
            await guard.RecordAsync(userName, user?.Id, address, SignInOutcome.Failed,
                user is null ? SignInReason.UnknownUser : SignInReason.WrongPassword, ct);
            ModelState.AddModelError("", WrongCredentials);
            return Page();
        }

        // Only someone who knows the password learns that the account is disabled.
        if (user!.IsDisabled)
        {
            await guard.RecordAsync(userName, user.Id, address, SignInOutcome.Refused, SignInReason.Disabled, ct);
            ModelState.AddModelError("", AccountDisabled);
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: Form.RememberMe);
        await guard.RecordAsync(userName, user.Id, address, SignInOutcome.Succeeded, SignInReason.None, ct);
        return LocalRedirect(LocalTarget(ReturnUrl));
    }

    private PageResult TooManyAttempts(Throttled throttled)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = throttled.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ModelState.AddModelError("", $"登录失败次数过多，请{throttled.Wait}后再试；如忘记密码，请联系系统管理员");
        return Page();
    }

    /// <summary>
    /// The page to return to: a local path only, percent-encoded, because a Location header carries ASCII only
    /// (a raw "/plans/1?q=中文" made the response fail after the sign-in).
    /// </summary>
    private string LocalTarget(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !Url.IsLocalUrl(returnUrl)) return Url.Page("/Index")!;
        if (returnUrl.StartsWith("~/", StringComparison.Ordinal)) returnUrl = returnUrl[1..];
        var uri = new Uri(new Uri("http://localhost"), returnUrl);
        return uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
    }
}
