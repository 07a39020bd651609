using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Tests.Audit;

/// <summary>
/// The history a section head reads — a task's 修改记录 and /audit — is in Chinese: field and value names, people by
/// name and user name, objects by their title, one item per save; never a GUID or a C# name.
/// </summary>
public sealed partial class AuditHistoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string EnforcementTask = "（六）1. 持续推进行政执法三项制度";

    [Fact]
    public async Task A_tasks_history_reads_as_chinese_sentences()
    {
        var taskId = await app.TaskIdAsync(6, 1);
        await ReportAsync(taskId, 35, "完成执法公示平台升级", accept: true);

        var page = await (await (await app.UserAsync("office")).GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        var history = page.QuerySelector("#history")!;
        var text = Words(history);

        // The office's 采纳 and the task's new figure are one save; the report before it another.
        var accepted = history.QuerySelectorAll("[data-testid=history-entry]")[0];
        Words(accepted).ShouldContain("政策法规办干部（office）");
        Words(accepted).ShouldContain($"修改任务 {EnforcementTask}");
        Words(accepted).ShouldContain("完成进度 0 → 35");
        Words(accepted).ShouldContain("任务状态 未开始 → 推进中");
        Words(accepted).ShouldContain("修改工作台账 综合执法科 2023年7月1日 35%");
        Words(accepted).ShouldContain("审核状态 待审核 → 已采纳");
        var report = history.QuerySelectorAll("[data-testid=history-entry]")[1];
        Words(report).ShouldContain("综合执法科科长（section）");
        Words(report).ShouldContain("新增工作台账");
        Words(report.QuerySelector("details")!).ShouldContain("填报科室 综合执法科");
        Words(report.QuerySelector("details")!).ShouldContain("截至日期 2023年7月1日");
        // The import and the sample assignment, by the system: KPIs in words, sections by name.
        text.ShouldContain("系统");
        text.ShouldContain("新增指标");
        text.ShouldContain("指标类型 两数之比");
        text.ShouldContain("考核方式 不低于");
        text.ShouldContain("新增配合科室 政策法规办");
        ShouldBeReadable(history, app);
    }

    [Fact]
    public async Task The_audit_trail_sums_up_the_plan_import_in_one_line_with_the_detail_a_click_away()
    {
        await using var db = app.CreateDb();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Year == 2023, Ct);
        var areas = await db.Areas.CountAsync(a => a.WorkPlanId == plan.Id, Ct);
        var tasks = await db.Tasks.CountAsync(t => t.WorkPlanId == plan.Id, Ct);
        var kpis = await db.Kpis.CountAsync(k => db.Tasks.Any(t => t.Id == k.PlanTaskId && t.WorkPlanId == plan.Id), Ct);
        var office = await app.UserAsync("office");

        var page = await (await office.GetAsync("/audit?User=system", Ct)).HtmlAsync();

        var import = page.QuerySelectorAll("[data-testid=audit-row]").Single(r => r.TextContent.Contains("新增计划"));
        var summary = Words(import.QuerySelector("[data-testid=audit-summary]")!);
        summary.ShouldStartWith($"新增计划 《{plan.Title}》 ，含");
        summary.ShouldContain($"{areas} 项重点工作");
        summary.ShouldContain($"{tasks} 项任务");
        summary.ShouldContain($"{kpis} 项指标");
        import.QuerySelectorAll("[data-testid=audit-entry]").ShouldBeEmpty();
        ShouldBeReadable(page.QuerySelector("table")!, app);
        // The demo accounts, created by the system: people by name, roles by their Chinese name.
        Words(page.QuerySelector("table")!).ShouldContain("新增用户 政策法规办干部（office）");
        Words(page.QuerySelector("table")!).ShouldContain("新增用户角色 政策法规办干部（office） · 领导小组办公室");

        var link = import.QuerySelector("[data-testid=change-set-link]")!;
        var detail = await (await office.GetAsync(link.GetAttribute("href"), Ct)).HtmlAsync();
        var entries = detail.QuerySelectorAll("[data-testid=audit-entry]");
        Words(link).ShouldContain($"查看全部 {entries.Length} 条明细");
        entries.Count(e => Words(e).StartsWith("新增任务", StringComparison.Ordinal)).ShouldBe(tasks);
        entries.ShouldContain(e => Words(e).StartsWith($"新增任务 {EnforcementTask}", StringComparison.Ordinal));
        ShouldBeReadable(detail.QuerySelector("main") ?? detail.Body!, app);
    }

    [Fact]
    public async Task A_save_is_one_item_however_many_rows_it_wrote()
    {
        var taskId = await app.TaskIdAsync(6, 2);
        await ReportAsync(taskId, 50, "分组测试", accept: true);
        string officeId;
        await using (var db = app.CreateDb())
            officeId = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync(Ct);

        var page = await (await (await app.UserAsync("office")).GetAsync($"/audit?User={officeId}", Ct)).HtmlAsync();

        var item = page.QuerySelectorAll("[data-testid=audit-row]").First(r => Words(r).Contains("综合执法科 2023年7月1日 50%"));
        item.QuerySelectorAll("[data-testid=audit-entry]").Select(e => Words(e).Split(' ')[0])
            .ShouldBe(["修改工作台账", "修改任务"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_history_pages_send_the_same_number_of_queries_however_many_saves_they_show()
    {
        var taskId = await app.TaskIdAsync(6, 3);
        var office = await app.UserAsync("office");
        string sectionId;
        await using (var db = app.CreateDb())
            sectionId = await db.Users.Where(u => u.UserName == "section").Select(u => u.Id).SingleAsync(Ct);
        await ReportAsync(taskId, 10, "第1次");
        var (auditFew, taskFew) = await CountQueriesAsync();

        for (var i = 2; i <= 8; i++) await ReportAsync(taskId, i * 10, $"第{i}次");
        var (auditMany, taskMany) = await CountQueriesAsync();

        auditMany.ShouldBe(auditFew, "/audit");
        taskMany.ShouldBe(taskFew, "the task page");

        async Task<(int Audit, int Task)> CountQueriesAsync()
        {
            app.Sql.Reset();
            (await office.GetAsync($"/audit?User={sectionId}", Ct)).EnsureSuccessStatusCode();
            var audit = app.Sql.Count;
            app.Sql.Reset();
            (await office.GetAsync($"/tasks/{taskId}", Ct)).EnsureSuccessStatusCode();
            return (audit, app.Sql.Count);
        }
    }

    [Fact]
    public async Task The_audit_trail_names_a_register_entry_by_its_day_kind_and_title_links_it_and_names_its_file()
    {
        var planId = await PlanIdAsync();
        var office = await app.UserAsync("office");

        (await office.PostFilesAsync($"/activities/new?plan={planId}", ActivityFields("审计标题测试：听取法治政府建设工作汇报"),
            [("Form.Files", "会议纪要.pdf", new ByteArrayContent(EvidenceSamples.Pdf("Minutes")))])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        int activityId;
        await using (var db = app.CreateDb())
            activityId = await db.LeadershipActivities.Where(a => a.Title == "审计标题测试：听取法治政府建设工作汇报").Select(a => a.Id).SingleAsync(Ct);

        var entry = (await AuditEntriesAsync(office, "LeadershipActivity")).First();
        Words(entry).ShouldStartWith("新增领导履职台账 2023年3月15日 党组会议：审计标题测试：听取法治政府建设工作汇报");
        entry.QuerySelector("a.audit-title")!.GetAttribute("href").ShouldBe($"/activities?plan={planId}#activity-{activityId}");
        var file = (await AuditEntriesAsync(office, "ActivityEvidenceFile")).First();
        Words(file).ShouldStartWith("新增履职佐证材料 会议纪要.pdf");
        Words(file).ShouldContain("所属履职记录 2023年3月15日 党组会议：审计标题测试");
        var register = await (await office.GetAsync($"/activities?plan={planId}", Ct)).HtmlAsync();
        register.GetElementById($"activity-{activityId}")!.GetAttribute("data-testid").ShouldBe("activity");
    }

    [Fact]
    public async Task The_audit_trail_names_the_annual_report_its_revision_and_part_and_links_them_to_the_report()
    {
        var planId = await PlanIdAsync();
        var office = await app.UserAsync("office");
        await EditReportPartAsync(office, planId, 2, "（一）第一稿的不足。");
        await EditReportPartAsync(office, planId, 2, "（一）改过的不足。");
        string title;
        await using (var db = app.CreateDb())
            title = await db.Reports.Where(r => r.WorkPlanId == planId).Select(r => r.Title).SingleAsync(Ct);

        var part = (await AuditEntriesAsync(office, "ReportPart")).First();
        Words(part).ShouldStartWith($"修改报告部分 《{title}》第1版 二、存在的不足和原因");
        part.QuerySelector("a.audit-title")!.GetAttribute("href").ShouldBe($"/plans/{planId}/report?revision=1#part-2");
        var revision = (await AuditEntriesAsync(office, "ReportRevision")).First();
        Words(revision).ShouldStartWith($"新增报告修订版 《{title}》第1版");
        revision.QuerySelector("a.audit-title")!.GetAttribute("href").ShouldBe($"/plans/{planId}/report?revision=1");
        var report = (await AuditEntriesAsync(office, "AnnualReport")).First();
        Words(report).ShouldStartWith($"新增年度报告 《{title}》");
        report.QuerySelector("a.audit-title")!.GetAttribute("href").ShouldBe($"/plans/{planId}/report");
        ShouldBeReadable(part, app);
    }

    [Fact]
    public async Task The_audit_page_sends_the_same_number_of_queries_however_many_register_entries_and_report_parts_it_names()
    {
        var planId = await PlanIdAsync();
        var office = await app.UserAsync("office");
        (await office.PostFormAsync($"/activities/new?plan={planId}", ActivityFields("计数会议1"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await EditReportPartAsync(office, planId, 1, "计数1");
        var few = await CountQueriesAsync();

        for (var i = 2; i <= 5; i++)
        {
            (await office.PostFormAsync($"/activities/new?plan={planId}", ActivityFields($"计数会议{i}"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            await EditReportPartAsync(office, planId, i, $"计数{i}");
        }
        var many = await CountQueriesAsync();

        many.ShouldBe(few);

        async Task<int[]> CountQueriesAsync()
        {
            var counts = new List<int>();
            foreach (var type in new[] { "LeadershipActivity", "ReportPart" })
            {
                app.Sql.Reset();
                (await office.GetAsync($"/audit?Type={type}", Ct)).EnsureSuccessStatusCode();
                counts.Add(app.Sql.Count);
            }
            return [.. counts];
        }
    }

    [Fact]
    public async Task An_unknown_change_set_is_not_found()
    {
        (await (await app.UserAsync("office")).GetAsync("/audit/999999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = app.CreateDb();
        return await db.Plans.Where(p => p.Year == 2023).Select(p => p.Id).SingleAsync(Ct);
    }

    private static Dictionary<string, string> ActivityFields(string title) => new()
    {
        ["Form.Kind"] = "PartyGroupMeeting", ["Form.HeldOn"] = "2023-03-15", ["Form.Title"] = title,
        ["Form.ChairedBy"] = "局党组书记、局长", ["Form.Summary"] = "专题听取法治政府建设工作汇报。",
    };

    private async Task EditReportPartAsync(HttpClient office, int planId, int part, string text)
    {
        uint version;
        await using (var db = app.CreateDb())
            version = await db.Reports.Where(r => r.WorkPlanId == planId).Select(r => r.Version).SingleOrDefaultAsync(Ct);
        (await office.PostFormAsync($"/plans/{planId}/report/edit", new Dictionary<string, string>
        {
            ["Form.Part"] = part.ToString(CultureInfo.InvariantCulture), ["Form.Text"] = text,
            ["Form.Version"] = version.ToString(CultureInfo.InvariantCulture),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>The entries /audit lists for one kind of object, newest save first.</summary>
    private static async Task<List<IElement>> AuditEntriesAsync(HttpClient office, string type) =>
        [.. (await (await office.GetAsync($"/audit?Type={type}", Ct)).HtmlAsync()).QuerySelectorAll("[data-testid=audit-entry]")];

    /// <summary>The section reports; with <paramref name="accept"/>, the office then accepts the report in the review queue.</summary>
    private async Task ReportAsync(int taskId, int percent, string summary, bool accept = false)
    {
        (await (await app.UserAsync("section")).PostFormAsync($"/tasks/{taskId}/progress", new Dictionary<string, string>
        {
            ["Form.Percent"] = percent.ToString(CultureInfo.InvariantCulture), ["Form.AsOf"] = "2023-07-01", ["Form.Summary"] = summary,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        if (!accept) return;
        await using var db = app.CreateDb();
        var updateId = await db.ProgressUpdates.Where(u => u.PlanTaskId == taskId).MaxAsync(u => u.Id, Ct);
        (await (await app.UserAsync("office")).PostFormAsync("/review?handler=Accept", new Dictionary<string, string>
        {
            ["Form.UpdateId"] = updateId.ToString(CultureInfo.InvariantCulture),
            ["Form.Version"] = (await app.TaskVersionAsync(taskId)).ToString(CultureInfo.InvariantCulture),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>
    /// No GUID anywhere in the markup, and in the words no C# name of an audited type, of its fields, or of the values
    /// of its enums (Kind, Ratio, AtLeast, SourceSentence, PlanTask…).
    /// </summary>
    private static void ShouldBeReadable(IElement element, AppFixture app)
    {
        Guid().Matches(element.OuterHtml).Select(m => m.Value).ShouldBeEmpty("GUIDs in the page");
        using var db = app.CreateDb();
        var names = AuditedTypes.In(db.Model).SelectMany(t => t.Value.GetProperties()
                .SelectMany(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is { IsEnum: true } e ? Enum.GetNames(e).Append(p.Name) : [p.Name])
                .Append(t.Key).Append(t.Value.ClrType.Name))
            .Distinct().ToList();
        names.ShouldContain(nameof(KpiKind.Ratio));
        var text = element.TextContent;
        names.Where(n => Regex.IsMatch(text, $@"\b{n}\b")).ShouldBeEmpty("C# names in the page's text");
    }

    /// <summary>The words a reader sees, one space between the pieces the markup puts side by side.</summary>
    private static string Words(IElement element) =>
        Spaces().Replace(string.Join(" ", element.GetDescendants().OfType<IText>().Select(t => t.Text)), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
