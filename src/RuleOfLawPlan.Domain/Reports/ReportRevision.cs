namespace RuleOfLawPlan.Domain.Reports;

/// <summary>
/// 第N版 of the annual report: its five parts and where it stands in the workflow. Once a leader approves it, it is
/// frozen; a change after that is made in a new revision, and this one stays as it was approved.
/// </summary>
public sealed class ReportRevision : IAggregatePart<AnnualReport>
{
    private readonly List<ReportPart> _parts = [];

    private ReportRevision() { }

    internal ReportRevision(int number, IEnumerable<ReportPart> parts)
    {
        Number = number;
        Status = ReportStatus.Draft;
        _parts.AddRange(parts);
    }

    public int Id { get; private set; }
    public int AnnualReportId { get; private set; }
    public int Number { get; private set; }
    public ReportStatus Status { get; private set; }

    /// <summary>审定人 and when (UTC).</summary>
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>保密审查: who in the office confirmed it, and when (UTC).</summary>
    public string? SecrecyReviewedBy { get; private set; }
    public DateTimeOffset? SecrecyReviewedAt { get; private set; }

    /// <summary>公开日期 and 公开渠道 (a newspaper, the portal…).</summary>
    public DateOnly? PublishedOn { get; private set; }
    public string? PublishedChannel { get; private set; }

    /// <summary>The five parts, in order.</summary>
    public IReadOnlyList<ReportPart> Parts => [.. _parts.OrderBy(p => p.Number)];

    /// <summary>Approved, cleared or published: no longer changed.</summary>
    public bool IsFrozen => Status is ReportStatus.Approved or ReportStatus.SecrecyReviewed or ReportStatus.Published;

    public ReportPart Part(int number) =>
        _parts.FirstOrDefault(p => p.Number == number) ?? throw new DomainException("报告只有第一至第五部分");

    internal static ReportRevision Empty(int number) =>
        new(number, ReportParts.Numbers.Select(n => new ReportPart(n, "", null, "")));

    internal ReportRevision NextRevision() => new(Number + 1, _parts.Select(p => p.Copy()));

    internal void Submit()
    {
        if (Status != ReportStatus.Draft) throw new DomainException("只有草稿状态的报告可以送审");
        foreach (var part in Parts.Where(p => p.Text.Length == 0))
            throw new DomainException($"“{ReportParts.Heading(part.Number)}”尚未填写，不能送审");
        Status = ReportStatus.Submitted;
    }

    internal void Approve(string leader, DateTimeOffset at)
    {
        if (Status != ReportStatus.Submitted) throw new DomainException("只有已送审的报告可以审定");
        Status = ReportStatus.Approved;
        ApprovedBy = leader;
        ApprovedAt = at.ToUniversalTime();
    }

    internal void Return()
    {
        if (Status != ReportStatus.Submitted) throw new DomainException("只有已送审的报告可以退回");
        Status = ReportStatus.Draft;
    }

    internal void ConfirmSecrecyReview(string by, DateTimeOffset at)
    {
        if (Status != ReportStatus.Approved) throw new DomainException("报告须经领导审定后才能进行保密审查");
        Status = ReportStatus.SecrecyReviewed;
        SecrecyReviewedBy = by;
        SecrecyReviewedAt = at.ToUniversalTime();
    }

    internal void Publish(DateOnly on, string channel)
    {
        if (Status != ReportStatus.SecrecyReviewed) throw new DomainException("报告须通过保密审查后才能公开");
        Status = ReportStatus.Published;
        PublishedOn = on;
        PublishedChannel = channel;
    }
}
