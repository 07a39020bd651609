using FluentValidation;
using RuleOfLawPlan.Domain.Organizations;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

/// <summary>The fields of the create and edit forms.</summary>
public record SectionInput
{
    public string Name { get; init; } = "";
    public SectionKind Kind { get; init; } = SectionKind.Section;
    public int SortOrder { get; init; }
}

public sealed class SectionInputValidator : AbstractValidator<SectionInput>
{
    public SectionInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入科室名称").MaximumLength(100).WithMessage("科室名称不能超过100个字");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("请选择有效的类型");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 100_000).WithMessage("排序号须在0到100000之间");
    }
}

public static class SectionForm
{
    /// <summary>Another section of the organization has the name (checked first, and by the unique index on save).</summary>
    public static readonly FieldMessage DuplicateName = new("Form.Name", "已有同名科室，请换一个名称");

    public static readonly SectionKind[] Kinds = [SectionKind.Section, SectionKind.Center, SectionKind.Office, SectionKind.Brigade, SectionKind.Other];
}
