using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Pages.Dashboard;

namespace RuleOfLawPlan.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's charts and year comparison on PostgreSQL: the plan's completion at each month end (from accepted lead
/// updates, corrections honoured, boundaries inclusive), the lights by section, and each KPI beside last year's matching KPI.
/// Each test uses years of its own, so the previous-year plan it finds is the one it made.
/// </summary>
public sealed class DashboardChartsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static readonly DateTimeOffset At = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task<IDocument> GetAsync(string url)
    {
        var response = await (await app.UserAsync("leader")).GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.HtmlAsync();
    }

    /// <summary>
    /// A 2034 plan of two tasks led by 综合执法科. A: 40 % as of 20 January and 80 % as of 1 February (accepted), later in
    /// January a pending 100 % and the supporting section's accepted 100 %, and a pending correction of the 80 % to 10 %.
    /// B: 10 % as of 31 January, then 50 % as of 28 February replaced by an accepted correction to 30 %.
    /// </summary>
    private async Task<int> MonthPlanAsync()
    {
        await using var db = app.CreateDb();
        var enforcement = await app.SectionIdAsync("综合执法科");
        var legal = await app.SectionIdAsync("政策法规办");
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var plan = new WorkPlan(organizationId, 2034, "月末进度测试计划" + Guid.NewGuid().ToString("N")[..8], null, D(2034, 1, 1));
        var area = plan.AddArea("重点工作1", "");
        var a = area.AddTask(1, "A", "");
        a.Assign(enforcement, [legal], null, D(2034, 12, 31), null);
        var b = area.AddTask(2, "B", "");
        b.Assign(enforcement, [], null, D(2034, 12, 31), null);
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);

        var a40 = a.RecordProgress(enforcement, D(2034, 1, 20), 40, "一月", "测试", At);
        var a80 = a.RecordProgress(enforcement, D(2034, 2, 1), 80, "二月", "测试", At.AddHours(1));
        a.RecordProgress(enforcement, D(2034, 1, 25), 100, "未审核", "测试", At.AddHours(2));
        var support = a.RecordProgress(legal, D(2034, 1, 30), 100, "配合", "测试", At.AddHours(3));
        var b10 = b.RecordProgress(enforcement, D(2034, 1, 31), 10, "一月", "测试", At);
        var b50 = b.RecordProgress(enforcement, D(2034, 2, 28), 50, "二月", "测试", At.AddHours(1));
        await db.SaveChangesAsync(Ct);
        foreach (var id in new[] { a40.Id, a80.Id, support.Id }) a.AcceptUpdate(id, "政策法规办", At.AddDays(1));
        foreach (var id in new[] { b10.Id, b50.Id }) b.AcceptUpdate(id, "政策法规办", At.AddDays(1));
        await db.SaveChangesAsync(Ct);
        a.RecordProgress(enforcement, D(2034, 2, 1), 10, "更正未审核", "测试", At.AddDays(2), a80.Id);
        var b30 = b.RecordProgress(enforcement, D(2034, 2, 28), 30, "更正", "测试", At.AddDays(2), b50.Id);
        await db.SaveChangesAsync(Ct);
        b.AcceptUpdate(b30.Id, "政策法规办", At.AddDays(3));
        await db.SaveChangesAsync(Ct);
        return plan.Id;
    }

    [Fact]
    public async Task Month_end_completion_counts_accepted_lead_figures_up_to_and_including_each_month_end()
    {
        var planId = await MonthPlanAsync();

        async Task<IReadOnlyList<(int, double)>> MonthsAsync(DateOnly asOf)
        {
            await using var db = app.CreateDb();
            return [.. (await DashboardCharts.MonthEndCompletionAsync(db, planId, 2034, asOf, Ct)).Select(m => (m.Month, m.Percent))];
        }

        (await MonthsAsync(D(2034, 1, 30))).ShouldBeEmpty("no month has ended");
        (await MonthsAsync(D(2034, 1, 31))).ShouldBe([(1, 25.0)],
            "A 40 (not the pending 100, not the supporting section's 100), B's 10 % as of 31 January counts at January's end");
        (await MonthsAsync(D(2034, 2, 27))).ShouldBe([(1, 25.0)]);
        (await MonthsAsync(D(2034, 2, 28))).ShouldBe([(1, 25.0), (2, 55.0)], "A 80 (its correction is pending), B 30 (its correction is accepted)");
        (await MonthsAsync(D(2034, 12, 31))).Select(m => m.Item1).ShouldBe(Enumerable.Range(1, 12));
        (await MonthsAsync(D(2035, 6, 30))).Count.ShouldBe(12, "the plan's year only");

        var page = await GetAsync($"/dashboard?plan={planId}&asOf=2034-03-31");
        page.QuerySelectorAll("[data-testid=month-row]").Select(r => r.QuerySelector("[data-testid=month-percent]")!.TextContent.Trim())
            .ShouldBe(["25%", "55%", "55%"]);
        page.QuerySelector("[data-testid=overall-percent]")!.TextContent.Trim().ShouldBe("55%", "the last month end agrees with the tasks' figures");
    }

    [Fact]
    public async Task The_lights_by_section_table_counts_each_lead_sections_tasks_by_light_and_links_to_them()
    {
        var (planId, _) = await app.NewSupervisedPlanAsync(2036, D(2036, 1, 1),
            new TaskSpec("A", "综合执法科", null, D(2036, 12, 31), 60, D(2036, 6, 1)),
            new TaskSpec("B", "政策法规办", null, D(2036, 6, 1), 50, D(2036, 6, 1)),
            new TaskSpec("D", "综合执法科", null, null, 100, D(2036, 5, 30)));
        var enforcement = await app.SectionIdAsync("综合执法科");

        var page = await GetAsync($"/dashboard?plan={planId}&asOf=2036-06-10");

        var row = page.QuerySelector($"[data-testid=section-lights-row][data-section-id='{enforcement}']")!;
        row.QuerySelectorAll("[data-testid=section-light-count]").ToDictionary(c => c.GetAttribute("data-light")!, c => c.TextContent.Trim())
            .ShouldBe(new Dictionary<string, string> { ["Red"] = "0", ["Yellow"] = "0", ["Blue"] = "0", ["Green"] = "1", ["Done"] = "1" });
        var done = row.QuerySelector("[data-testid=section-light-count][data-light=Done] a")!.GetAttribute("href")!;
        var list = await GetAsync(done.Replace("&amp;", "&", StringComparison.Ordinal));
        list.QuerySelectorAll("[data-testid=task-row]").Length.ShouldBe(1);
        page.QuerySelectorAll("[data-testid=chart]").Length.ShouldBe(3);
    }

    private async Task<int> KpiPlanAsync(int year, PlanStatus status, params (string Task, string Name, KpiKind Kind, string Unit, decimal? Reading)[] kpis)
    {
        await using var db = app.CreateDb();
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var plan = new WorkPlan(organizationId, year, "同比测试计划" + Guid.NewGuid().ToString("N")[..8], null, D(year, 1, 1));
        var area = plan.AddArea("重点工作1", "");
        var tasks = kpis.Select(k => k.Task).Distinct().Select((title, i) => area.AddTask(i + 1, title, "")).ToDictionary(t => t.Title);
        var added = kpis.Select(k => (k, Kpi: tasks[k.Task].AddKpi(k.Name, "", k.Kind == KpiKind.YearOnYearCount ? KpiComparator.DecreaseYearOnYear
            : KpiComparator.AtLeast, k.Kind == KpiKind.YearOnYearCount ? null : 90, k.Unit, k.Kind))).ToList();
        if (status == PlanStatus.Active) plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);
        foreach (var (k, kpi) in added.Where(x => x.k.Reading is not null))
        {
            // An earlier reading first: the comparison shows the latest.
            tasks[k.Task].RecordKpiReading(kpi.Id, D(year, 6, 30), 50, null, null, null, null, "台账", "测试", At);
            tasks[k.Task].RecordKpiReading(kpi.Id, D(year, 12, 31), k.Reading, null, null, null, null, "台账", "测试", At);
        }
        await db.SaveChangesAsync(Ct);
        return plan.Id;
    }

    private static Dictionary<string, string?> LastYearByKpi(IDocument page) =>
        page.QuerySelectorAll("[data-testid=kpi-tile]").ToDictionary(
            t => t.QuerySelector("a")!.TextContent.Trim(),
            t => t.QuerySelector("[data-testid=kpi-last-year]")?.TextContent.Split().Where(w => w.Length > 0).Aggregate("", string.Concat));

    [Fact]
    public async Task Each_kpi_shows_last_years_latest_reading_of_the_kpi_with_the_same_name_kind_and_unit()
    {
        await KpiPlanAsync(2052, PlanStatus.Active,
            ("甲", "社会满意度", KpiKind.Percentage, "%", 91m),
            ("甲", "纠错率", KpiKind.Percentage, "%", 95m),
            ("乙", "纠错率", KpiKind.Percentage, "%", 96m),
            ("乙", "案件数", KpiKind.YearOnYearCount, "件", null),
            ("乙", "审核率", KpiKind.Percentage, "个", 99m));
        await KpiPlanAsync(2052, PlanStatus.Draft, ("丙", "新指标", KpiKind.Percentage, "%", null));
        var planId = await KpiPlanAsync(2053, PlanStatus.Active,
            ("甲", "社会满意度", KpiKind.Percentage, "%", null),
            ("甲", "纠错率", KpiKind.Percentage, "%", null),
            ("乙", "案件数", KpiKind.YearOnYearCount, "件", null),
            ("乙", "审核率", KpiKind.Percentage, "%", null),
            ("乙", "新指标", KpiKind.Percentage, "%", null));

        var page = await GetAsync($"/dashboard?plan={planId}&asOf=2053-12-31");

        LastYearByKpi(page).ShouldBe(new Dictionary<string, string?>
        {
            ["社会满意度"] = "2052年：91%（2052年12月31日）",
            ["纠错率"] = "2052年计划无对应指标",
            ["案件数"] = "2052年：尚无数据",
            ["审核率"] = "2052年计划无对应指标",
            ["新指标"] = "2052年计划无对应指标",
        }, "two of last year's KPIs share 纠错率; 审核率 was counted in another unit; a draft plan is not last year's plan");
    }

    [Fact]
    public async Task Without_a_previous_years_plan_the_kpis_show_no_comparison()
    {
        var planId = await KpiPlanAsync(2071, PlanStatus.Active, ("甲", "社会满意度", KpiKind.Percentage, "%", 92m));

        var page = await GetAsync($"/dashboard?plan={planId}&asOf=2071-12-31");

        LastYearByKpi(page).ShouldBe(new Dictionary<string, string?> { ["社会满意度"] = null });
    }

    [Fact]
    public void Kpis_match_on_trimmed_name_kind_and_unit_and_only_where_the_key_is_unique_on_both_sides()
    {
        static Pages.Shared.TaskTargets.Kpi Kpi(int id, string name, KpiKind kind = KpiKind.Percentage, string unit = "%") =>
            new(id, name, KpiComparator.AtLeast, 90, unit, "", kind, null);
        var lastYear = new[] { Kpi(1, "满意度 "), Kpi(2, "审核率", KpiKind.Ratio), Kpi(3, "审核率", KpiKind.Percentage) };
        (int, YearComparison.MatchKey)[] thisYear =
        [
            (10, YearComparison.MatchKey.Of(" 满意度", KpiKind.Percentage, "%")),
            (11, YearComparison.MatchKey.Of("审核率", KpiKind.Ratio, "%")),
            (12, YearComparison.MatchKey.Of("审核率", KpiKind.YearOnYearCount, "%")),
            (13, YearComparison.MatchKey.Of("审核率", KpiKind.Percentage, "%")),
            (14, YearComparison.MatchKey.Of("审核率", KpiKind.Percentage, "%")),
        ];

        YearComparison.Match(thisYear, lastYear).ToDictionary(m => m.Key, m => m.Value.Id)
            .ShouldBe(new Dictionary<int, int> { [10] = 1, [11] = 2 }, "13 and 14 share a key, so neither is compared");
    }
}
