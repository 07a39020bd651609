using FluentValidation;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>Included by both forms' validators: the rule <see cref="AccountService"/> guards, shown next to the field at once.</summary>
public sealed class RoleAndSectionValidator : AbstractValidator<IRoleAndSection>
{
    public RoleAndSectionValidator() =>
        RuleFor(x => x).Custom((input, context) =>
        {
            if (AccountRules.RoleAndSection(input.Role, input.SectionId) is { } broken) context.AddFailure(broken.Field, broken.Message);
        });
}
