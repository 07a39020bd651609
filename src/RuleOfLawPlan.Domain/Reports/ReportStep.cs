namespace RuleOfLawPlan.Domain.Reports;

/// <summary>One step of the report's workflow: who did what to which revision, when, and what they said.</summary>
public sealed class ReportStep : IAggregatePart<AnnualReport>
{
    private ReportStep() { }

    internal ReportStep(ReportStepKind kind, int revision, string by, DateTimeOffset at, string? comment)
    {
        Kind = kind;
        Revision = revision;
        By = Guard.Text(by, 100, "操作人");
        At = at.ToUniversalTime();
        Comment = Guard.NullableText(comment, 2_000, "意见", multiline: true);
    }

    public long Id { get; private set; }
    public int AnnualReportId { get; private set; }
    public ReportStepKind Kind { get; private set; }

    /// <summary>The revision's number (第N版).</summary>
    public int Revision { get; private set; }

    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Comment { get; private set; }
}
