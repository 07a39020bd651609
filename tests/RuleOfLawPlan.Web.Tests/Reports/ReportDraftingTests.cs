using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Pages.Reports;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>
/// 从记录起草 on the real database: what each part is drafted from, the sources the office sees, the confirm step before a
/// part the office edited is replaced, and round-trips that do not grow with the number of tasks.
/// </summary>
public sealed class ReportDraftingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset At = new(2040, 1, 5, 2, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A plan of <paramref name="year"/>: a task done with a deliverable and a satisfaction KPI read at 92.3 %, a task
    /// overdue at 50 %, and <paramref name="more"/> further tasks done.
    /// </summary>
    private async Task<(int PlanId, int Done, int Overdue)> NewPlanAsync(int year, int more = 0)
    {
        var specs = new List<TaskSpec>
        {
            new("推进执法规范化", Deadline: new DateOnly(year, 6, 30), AcceptedPercent: 100, AcceptedOn: new DateOnly(year, 6, 20)),
            new("完善法律顾问制度", Deadline: new DateOnly(year, 9, 30), AcceptedPercent: 50, AcceptedOn: new DateOnly(year, 8, 20), Area: 2),
        };
        specs.AddRange(Enumerable.Range(1, more).Select(i => new TaskSpec($"其他任务{i}", Deadline: new DateOnly(year, 12, 31),
            AcceptedPercent: 100, AcceptedOn: new DateOnly(year, 11, 20), Area: 1 + i % 2)));
        var (planId, tasks) = await app.NewSupervisedPlanAsync(year, new DateOnly(year, 3, 1), [.. specs]);

        await using var db = app.CreateDb();
        var done = await db.Tasks.Include(t => t.Plan).Include(t => t.Kpis).Include(t => t.Deliverables)
            .SingleAsync(t => t.Id == tasks["推进执法规范化"], Ct);
        done.AddDeliverable("城市管理行政执法规范", DeliverableAction.Draft);
        var kpi = done.AddKpi("执法社会满意度", "社会满意度达90%以上", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage);
        await db.SaveChangesAsync(Ct);
        done.RecordKpiReading(kpi.Id, new DateOnly(year, 12, 31), 92.3m, null, null, null, null, "满意度问卷", "综合执法科科长", At);
        await db.SaveChangesAsync(Ct);
        return (planId, tasks["推进执法规范化"], tasks["完善法律顾问制度"]);
    }

    private async Task<IReadOnlyList<DraftedPart>> DraftAsync(int planId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReportDrafter>().DraftAsync(planId, Ct))!;
    }

    private async Task<AnnualReport> ReportAsync(int planId)
    {
        await using var db = app.CreateDb();
        return await db.Reports.Include(r => r.Revisions).ThenInclude(v => v.Parts).Include(r => r.Steps).AsSplitQuery()
            .SingleAsync(r => r.WorkPlanId == planId, Ct);
    }

    private async Task<HttpResponseMessage> PostDraftAsync(HttpClient office, int planId, bool confirmed = false, params int[] replace)
    {
        await using var db = app.CreateDb();
        var version = await db.Reports.Where(r => r.WorkPlanId == planId).Select(r => r.Version).SingleOrDefaultAsync(Ct);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Version", version.ToString(CultureInfo.InvariantCulture)),
            new("Form.Confirmed", confirmed ? "true" : "false"),
        };
        fields.AddRange(replace.Select(p => new KeyValuePair<string, string>("Form.Replace", p.ToString(CultureInfo.InvariantCulture))));
        return await office.PostFormAsync($"/plans/{planId}/report/draft", fields);
    }

    [Fact]
    public async Task Part_one_has_a_section_per_area_from_accepted_updates_deliverables_and_kpi_figures_each_with_its_source()
    {
        var (planId, done, _) = await NewPlanAsync(2050);

        var part = (await DraftAsync(planId))[0];

        part.Paragraphs.Select(p => p.Text).ShouldBe(
        [
            "（一）重点工作1",
            "1.推进执法规范化。按计划推进",
            "《城市管理行政执法规范》起草出台。",
            "执法社会满意度 92.3%，目标 ≥90%，达标。",
            "（二）重点工作2",
            "2.完善法律顾问制度。按计划推进",
        ]);
        part.Paragraphs[1].TaskId.ShouldBe(done);
        part.Paragraphs[1].Source.ShouldStartWith("进展 #");
        part.Paragraphs[1].Source.ShouldContain("综合执法科报送，截至2050年6月20日，进度100%，已采纳");
        part.Paragraphs[3].Source.ShouldContain("数据来源：满意度问卷");
    }

    [Fact]
    public async Task Part_two_starts_from_what_fell_short_and_the_other_parts_are_left_for_the_office()
    {
        var (planId, _, overdue) = await NewPlanAsync(2053);

        var draft = await DraftAsync(planId);

        var shortcomings = draft[1].Paragraphs;
        shortcomings[0].Text.ShouldBe("（一）部分任务未按期完成");
        shortcomings[1].Text.ShouldBe("“完善法律顾问制度”完成时限为2053年9月30日，截至年底进度50%，已逾期（牵头科室：综合执法科）。");
        shortcomings[1].TaskId.ShouldBe(overdue);
        shortcomings[1].Source.ShouldContain("红灯");
        shortcomings.ShouldContain(p => p.Text == "（二）原因分析");
        draft[2].Text.ShouldStartWith("（领导履职台账没有记录。请办公室填写");
        draft[3].Text.ShouldBe("（2054年度工作计划尚未导入，请办公室填写下一年度主要安排。）");
        draft[4].Text.ShouldStartWith("（请办公室填写");
    }

    [Fact]
    public async Task Part_three_comes_from_the_leadership_register_by_kind()
    {
        var (planId, _, _) = await NewPlanAsync(2072);
        var (meeting, _) = await app.NewActivityAsync(planId, "局党组会议听取法治政府建设工作汇报");
        await app.NewActivityAsync(planId, "述法会议", LeadershipActivityKind.ReportOnLaw);

        var duties = (await DraftAsync(planId))[2];

        duties.Paragraphs.Select(p => p.Text).ShouldBe(
        [
            "（一）党组会议（全年1次）",
            "3月15日，局党组会议听取法治政府建设工作汇报，局党组书记、局长主持。听取法治政府建设工作汇报",
            "（二）述法（全年1次）",
            "3月15日，述法会议，局党组书记、局长主持。听取法治政府建设工作汇报",
        ]);
        duties.Paragraphs[1].Source.ShouldBe($"领导履职台账 #{meeting}：党组会议，2072年3月15日");
    }

    [Fact]
    public async Task Part_four_comes_from_next_years_plan_when_there_is_one()
    {
        var (planId, _, _) = await NewPlanAsync(2056);
        await app.NewSupervisedPlanAsync(2057, new DateOnly(2057, 3, 1), new TaskSpec("修订执法文书"), new TaskSpec("培训执法人员", Area: 2));

        var next = (await DraftAsync(planId))[3];

        next.Paragraphs.Select(p => p.Text).ShouldBe(["（一）重点工作1", "1.修订执法文书。", "（二）重点工作2", "2.培训执法人员。"]);
        next.Paragraphs.ShouldAllBe(p => p.Source == "2057年度法治政府建设工作计划");
    }

    [Fact]
    public async Task Drafting_again_asks_before_replacing_a_part_the_office_edited_and_shows_old_beside_new()
    {
        var (planId, _, _) = await NewPlanAsync(2060);
        var office = await app.SignInAsAsync("office");
        (await PostDraftAsync(office, planId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = app.CreateDb())
        {
            var version = await db.Reports.Where(r => r.WorkPlanId == planId).Select(r => r.Version).SingleAsync(Ct);
            (await office.PostFormAsync($"/plans/{planId}/report/edit", new Dictionary<string, string>
            {
                ["Form.Part"] = "2", ["Form.Text"] = "办公室写的不足和原因", ["Form.Version"] = version.ToString(CultureInfo.InvariantCulture),
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var confirm = await PostDraftAsync(office, planId);

        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await confirm.HtmlAsync();
        page.QuerySelector("[data-testid=confirm-redraft]").ShouldNotBeNull();
        var difference = page.QuerySelectorAll("[data-testid=difference]").ShouldHaveSingleItem();
        difference.GetAttribute("data-part").ShouldBe("2");
        difference.QuerySelector("[data-testid=old-text]")!.TextContent.ShouldContain("办公室写的不足和原因");
        difference.QuerySelector("[data-testid=new-text]")!.TextContent.ShouldContain("部分任务未按期完成");
        (await ReportAsync(planId)).Current.Part(2).Text.ShouldBe("办公室写的不足和原因", "nothing is replaced before the office decides");

        (await PostDraftAsync(office, planId, confirmed: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReportAsync(planId)).Current.Part(2).Text.ShouldBe("办公室写的不足和原因", "a part not ticked keeps the office's text");

        (await PostDraftAsync(office, planId, confirmed: true, 2)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await ReportAsync(planId);
        report.Current.Part(2).Text.ShouldStartWith("（一）部分任务未按期完成");
        report.Steps.Count(s => s.Kind == ReportStepKind.Drafted).ShouldBe(3);
    }

    [Fact]
    public async Task The_report_page_shows_the_office_where_each_drafted_paragraph_comes_from()
    {
        var (planId, done, _) = await NewPlanAsync(2063);
        var office = await app.SignInAsAsync("office");
        (await PostDraftAsync(office, planId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await (await office.GetAsync($"/plans/{planId}/report", Ct)).HtmlAsync();

        page.QuerySelector("[data-testid=report-status]")!.TextContent.ShouldBe("草稿");
        var sources = page.QuerySelector("[data-part='1'] [data-testid=sources]")!;
        sources.TextContent.ShouldContain("数据来源：满意度问卷");
        sources.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain($"/tasks/{done}");
        page.QuerySelector("[data-part='1'] [data-testid=part-text]")!.TextContent.ShouldContain("执法社会满意度 92.3%，目标 ≥90%，达标。");
    }

    [Fact]
    public async Task Drafting_sends_as_many_commands_for_forty_tasks_as_for_two()
    {
        var (small, _, _) = await NewPlanAsync(2066);
        var (big, _, _) = await NewPlanAsync(2069, more: 38);
        foreach (var i in Enumerable.Range(1, 12)) await app.NewActivityAsync(big, $"每周一学{i}", LeadershipActivityKind.WeeklyStudy);

        await DraftAsync(small);
        app.Sql.Reset();
        await DraftAsync(small);
        var few = app.Sql.Count;
        app.Sql.Reset();
        var bigDraft = await DraftAsync(big);
        var many = app.Sql.Count;

        bigDraft[0].Paragraphs.Count(p => p.Text.StartsWith("其他任务", StringComparison.Ordinal) || p.Text.Contains(".其他任务", StringComparison.Ordinal)).ShouldBe(38);
        many.ShouldBe(few);
        few.ShouldBeLessThanOrEqualTo(15);
    }

    [Fact]
    public async Task An_organ_whose_name_is_as_long_as_allowed_drafts_its_report_under_its_full_title()
    {
        var (planId, _, _) = await NewPlanAsync(2075);
        var organ = new string('局', 200);
        await Sql.Execute(app.ConnectionString, $"UPDATE plans SET issuing_organ = '{organ}' WHERE id = {planId}");
        var office = await app.SignInAsAsync("office");

        var response = await PostDraftAsync(office, planId);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        (await ReportAsync(planId)).Title.ShouldBe(ReportDrafter.TitleFor(organ, 2075));
    }
}
