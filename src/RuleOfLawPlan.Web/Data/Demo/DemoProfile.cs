namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// One task's demo year: its deadline, the month its lead section reports its last figure, that figure, and the
/// month (if any) the office returns its report or leaves it unreviewed.
/// </summary>
internal sealed record DemoProfile(DemoKind Kind, DateOnly? Deadline, int FinishMonth, int FinalPercent, int? ReturnedIn, int? PendingIn)
{
    private const int FirstMonth = 5;

    private static readonly int[] Returned = [2, 9, 14, 23];

    /// <summary>Deterministic by the task's place in the plan: the same plan gives the same year.</summary>
    public static DemoProfile For(int index, int count)
    {
        var profile = index switch
        {
            6 => new DemoProfile(DemoKind.Overdue, new DateOnly(DemoYear.Year, 10, 31), 12, 80, null, null),
            17 => new DemoProfile(DemoKind.Overdue, new DateOnly(DemoYear.Year, 11, 30), 12, 70, null, null),
            4 => new DemoProfile(DemoKind.Behind, new DateOnly(DemoYear.Year, 12, 31), 12, 65, null, 12),
            12 => new DemoProfile(DemoKind.Behind, new DateOnly(DemoYear.Year, 12, 31), 12, 70, null, 12),
            21 => new DemoProfile(DemoKind.Behind, new DateOnly(DemoYear.Year, 12, 31), 12, 75, null, null),
            _ when index % 5 == 0 => new DemoProfile(DemoKind.Ongoing, null, 12, 100, null, null),
            _ => Done(index),
        };
        // A small plan (a test's) still gets a returned report in its first tasks.
        return Returned.Contains(index) || (count < Returned[0] && index == 0)
            ? profile with { ReturnedIn = Math.Min(7, profile.FinishMonth) }
            : profile;
    }

    private static DemoProfile Done(int index)
    {
        var deadline = (index % 4) switch
        {
            0 => new DateOnly(DemoYear.Year, 6, 30),
            1 => new DateOnly(DemoYear.Year, 9, 30),
            2 => new DateOnly(DemoYear.Year, 11, 30),
            _ => new DateOnly(DemoYear.Year, 12, 31),
        };
        return new DemoProfile(DemoKind.Done, deadline, deadline.Month, 100, null, null);
    }

    /// <summary>The lead section's figure in a month's report; null in the months it does not report.</summary>
    public int? PercentIn(int month)
    {
        if (month < FirstMonth || month > FinishMonth) return null;
        var reports = FinishMonth - FirstMonth + 1;
        var done = month - FirstMonth + 1;
        if (done == reports) return FinalPercent;
        var percent = (int)Math.Round(FinalPercent * done / (double)reports / 5, MidpointRounding.AwayFromZero) * 5;
        return Math.Clamp(percent, 5, FinalPercent - 5);
    }
}
