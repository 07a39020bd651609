using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Startup;

namespace RuleOfLawPlan.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SecuritySetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed record Input
    {
        public string UserName { get; init; } = "";
        public string Password { get; init; } = "";
        public bool RememberMe { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("请输入用户名").MaximumLength(100);
            RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码").MaximumLength(200);
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<Input> validator)
    {
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        var user = await signIn.UserManager.FindByNameAsync(Form.UserName.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", "该账号已停用，请联系系统管理员");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Form.UserName.Trim(), Form.Password, Form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", Form.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for locked-out user {UserName}", Form.UserName);
            ModelState.AddModelError("", "登录失败次数过多，账号已锁定15分钟，请稍后再试或联系系统管理员");
            return Page();
        }

        ModelState.AddModelError("", "用户名或密码错误");
        return Page();
    }
}
