using FluentValidation;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>Included by both forms' validators: the rule <see cref="AccountService"/> guards, shown next to the field at once.</summary>
public sealed class RoleAndSectionValidator : AbstractValidator<IRoleAndSection>
{
    public RoleAndSectionValidator()
    {
        RuleFor(x => x).Custom((input, context) =>
        {
            if (AccountRules.RoleAndSection(input.Role, input.SectionId) is { } broken) context.AddFailure(broken.Field, broken.Message);
        });
        RuleFor(x => x.LeaderTitles).MaximumLength(AppUser.MaxLeaderTitlesLength).WithMessage("领导职务不能超过200个字");
        RuleFor(x => x.LeaderTitles).Must(string.IsNullOrWhiteSpace).When(x => x.Role != Roles.Leader)
            .WithMessage("只有领导小组成员可以设置领导职务");
    }
}
