using FluentValidation;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

public sealed class SectionInputValidator : AbstractValidator<SectionInput>
{
    public SectionInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入科室名称").MaximumLength(100).WithMessage("科室名称不能超过100个字");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择有效的类型");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 100_000).WithMessage("排序号须在0到100000之间");
    }
}
