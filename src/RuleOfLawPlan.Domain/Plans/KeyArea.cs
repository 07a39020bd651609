namespace RuleOfLawPlan.Domain.Plans;

/// <summary>重点工作: one of the plan's key-work areas, numbered (一)…(九).</summary>
public sealed class KeyArea : IAggregatePart<WorkPlan>
{
    private readonly List<PlanTask> _tasks = [];

    private KeyArea() { }

    internal KeyArea(WorkPlan plan, int ordinal, string title, string body)
    {
        Plan = plan;
        Ordinal = ordinal;
        Title = Guard.Text(title, 500, "重点工作标题");
        Body = Guard.OptionalText(body, 20_000, "重点工作内容", multiline: true);
    }

    public int Id { get; private set; }
    public int WorkPlanId { get; private set; }
    public WorkPlan Plan { get; private set; } = null!;
    public int Ordinal { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Text under the heading that belongs to no numbered task.</summary>
    public string Body { get; private set; } = "";

    public IReadOnlyList<PlanTask> Tasks => _tasks;

    /// <summary>"(一)", "(二)"… as the plan writes it.</summary>
    public string OrdinalText => $"（{ChineseNumerals.Format(Ordinal)}）";

    public PlanTask AddTask(int? number, string title, string body)
    {
        Plan.EnsureEditable();
        var task = new PlanTask(this, number, _tasks.Count + 1, title, body);
        _tasks.Add(task);
        return task;
    }
}
