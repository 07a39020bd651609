using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

public static class SectionForm
{
    /// <summary>Another section of the organization has the name (checked first, and by the unique index on save).</summary>
    public static readonly FieldMessage DuplicateName = new("Form.Name", "已有同名科室，请换一个名称");

    public static readonly SectionKind[] Kinds = [SectionKind.Section, SectionKind.Center, SectionKind.Office, SectionKind.Brigade, SectionKind.Other];
}
