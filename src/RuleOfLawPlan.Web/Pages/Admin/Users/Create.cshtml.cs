using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>新建用户: the administrator types the initial password and tells it to the person.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class CreateModel(PlanDb db, AccountService accounts) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public List<SelectListItem> Sections { get; private set; } = [];

    public sealed record Input : IRoleAndSection
    {
        public string UserName { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = Roles.Viewer;
        public int? SectionId { get; init; }
        public string? LeaderTitles { get; init; }
        [DataType(DataType.Password)]
        public string Password { get; init; } = "";
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("请输入用户名")
                .MaximumLength(50).WithMessage("用户名不能超过50个字符")
                .Matches("^[A-Za-z0-9._@-]*$").WithMessage("用户名只能包含字母、数字和 - . _ @");
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("请输入姓名").MaximumLength(100).WithMessage("姓名不能超过100个字");
            Include(new RoleAndSectionValidator());
            RuleFor(x => x.Password).NotEmpty().WithMessage("请输入初始密码").MaximumLength(200).WithMessage("密码不能超过200个字符");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("两次输入的密码不一致");
        }
    }

    public async Task OnGetAsync(CancellationToken ct) => Sections = await UserForms.SectionOptionsAsync(db, null, ct);

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (validator.Validate(Form).AddTo(ModelState))
        {
            var result = await accounts.CreateAsync(new NewAccount(Form.UserName, Form.DisplayName, Form.Role, Form.SectionId, Form.Password, Form.LeaderTitles), ct);
            if (result.Succeeded)
            {
                TempData["StatusMessage"] = $"已创建用户“{Form.UserName.Trim()}”";
                return RedirectToPage("Index");
            }
            result.AddTo(ModelState);
        }
        Sections = await UserForms.SectionOptionsAsync(db, null, ct);
        return Page();
    }
}
