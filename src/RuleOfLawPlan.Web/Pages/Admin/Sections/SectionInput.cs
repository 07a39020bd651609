using RuleOfLawPlan.Domain.Organizations;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

/// <summary>The fields of the create and edit forms.</summary>
public record SectionInput
{
    public string Name { get; init; } = "";
    public SectionKind Kind { get; init; } = SectionKind.Section;
    public int SortOrder { get; init; }
}
