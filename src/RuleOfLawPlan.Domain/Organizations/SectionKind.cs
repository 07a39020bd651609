namespace RuleOfLawPlan.Domain.Organizations;

/// <summary>科室 / 中心 / 办 / 大队 — an internal unit that leads or supports tasks.</summary>
public enum SectionKind
{
    /// <summary>科</summary>
    Section = 1,
    /// <summary>中心</summary>
    Center = 2,
    /// <summary>办 / 办公室</summary>
    Office = 3,
    /// <summary>大队 / 中队</summary>
    Brigade = 4,
    /// <summary>其他</summary>
    Other = 9,
}
