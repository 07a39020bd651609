namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>How a task's demo year goes.</summary>
internal enum DemoKind
{
    /// <summary>Finished by its deadline.</summary>
    Done,
    /// <summary>常态化: no deadline, reported every month.</summary>
    Ongoing,
    /// <summary>Due at the year's end and short of it then (黄).</summary>
    Behind,
    /// <summary>Due in October or November and not finished (红).</summary>
    Overdue,
}
