namespace RuleOfLawPlan.Domain.Plans;

/// <summary>The kinds of 佐证材料 the app accepts, each recognised by its content (<see cref="EvidenceFormats"/>).</summary>
public enum EvidenceKind
{
    Pdf,
    Jpeg,
    Png,
    Ofd,
    Docx,
    Xlsx,
    Doc,
    Xls,
}
