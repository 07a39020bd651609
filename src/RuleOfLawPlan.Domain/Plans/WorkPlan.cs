using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Plans;

/// <summary>An annual 法治政府建设工作计划: header texts, key-work areas with their tasks, work requirements.</summary>
public sealed class WorkPlan : IAggregateRoot
{
    private readonly List<KeyArea> _areas = [];
    private readonly List<PlanRequirement> _requirements = [];

    private WorkPlan() { }

    public WorkPlan(int organizationId, int year, string title, string? issuingOrgan, DateOnly? issueDate)
    {
        OrganizationId = organizationId;
        Status = PlanStatus.Draft;
        SetHeader(year, title, issuingOrgan, issueDate);
    }

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string? IssuingOrgan { get; private set; }
    public DateOnly? IssueDate { get; private set; }
    public PlanStatus Status { get; private set; }
    public string Preamble { get; private set; } = "";
    public string GuidingIdeology { get; private set; } = "";

    /// <summary>二、组织领导: the 领导小组 and its office, as written.</summary>
    public string Leadership { get; private set; } = "";

    [Timestamp]
    public uint Version { get; private set; }

    public IReadOnlyList<KeyArea> Areas => _areas;
    public IReadOnlyList<PlanRequirement> Requirements => _requirements;

    public bool IsClosed => Status == PlanStatus.Closed;

    public void SetHeader(int year, string title, string? issuingOrgan, DateOnly? issueDate)
    {
        EnsureEditable();
        if (year is < 2000 or > 2100) throw new DomainException("计划年度须在2000年至2100年之间");
        Year = year;
        Title = Guard.Text(title, 200, "计划标题");
        IssuingOrgan = Guard.NullableText(issuingOrgan, 200, "发文机关");
        IssueDate = issueDate;
    }

    public void SetTexts(string preamble, string guidingIdeology, string leadership)
    {
        EnsureEditable();
        Preamble = Guard.OptionalText(preamble, 20_000, "前言", multiline: true);
        GuidingIdeology = Guard.OptionalText(guidingIdeology, 20_000, "指导思想", multiline: true);
        Leadership = Guard.OptionalText(leadership, 20_000, "组织领导", multiline: true);
    }

    public KeyArea AddArea(string title, string body)
    {
        EnsureEditable();
        var area = new KeyArea(this, _areas.Count + 1, title, body);
        _areas.Add(area);
        return area;
    }

    public PlanRequirement AddRequirement(string title, string body)
    {
        EnsureEditable();
        var requirement = new PlanRequirement(_requirements.Count + 1, title, body);
        _requirements.Add(requirement);
        return requirement;
    }

    /// <summary>下达执行: the plan leaves draft and sections start reporting against it.</summary>
    public void Activate()
    {
        if (Status != PlanStatus.Draft) throw new DomainException("只有草稿状态的计划可以下达执行");
        Status = PlanStatus.Active;
    }

    /// <summary>年度结束: no further changes to the plan or its tasks.</summary>
    public void Close()
    {
        if (Status != PlanStatus.Active) throw new DomainException("只有执行中的计划可以结束");
        Status = PlanStatus.Closed;
    }

    /// <summary>重新打开 a closed plan to correct it; the change is audited like any other.</summary>
    public void Reopen()
    {
        if (Status != PlanStatus.Closed) throw new DomainException("只有已结束的计划可以重新打开");
        Status = PlanStatus.Active;
    }

    public void EnsureEditable()
    {
        if (IsClosed) throw new DomainException("计划已结束，不能再修改");
    }
}
