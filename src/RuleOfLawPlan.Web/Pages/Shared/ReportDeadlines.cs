namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// The annual report's deadlines for a plan year: reported to 本级党委和政府 by 3月1日 and published by 4月1日 of the next
/// year (《法治政府建设与责任落实督察工作规定》), with the days left from a given day (negative once passed).
/// The dashboard and the report page show them alike (<c>_ReportDeadlines</c>).
/// </summary>
public sealed record ReportDeadline(string Name, DateOnly Due, int DaysLeft)
{
    public static IReadOnlyList<ReportDeadline> For(int planYear, DateOnly from)
    {
        var submit = new DateOnly(planYear + 1, 3, 1);
        var publish = new DateOnly(planYear + 1, 4, 1);
        return
        [
            new("报送年度法治政府建设情况报告", submit, submit.DayNumber - from.DayNumber),
            new("向社会公开年度报告", publish, publish.DayNumber - from.DayNumber),
        ];
    }
}
