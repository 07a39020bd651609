using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Reports;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>
/// The annual report's pages on the real database: the office fills and sends it, a leader returns and approves it, the
/// office confirms the 保密审查 and the publication; refusals say why in Chinese and change nothing; an approved
/// revision is frozen; a stale form keeps the stored text; every step is in the audit trail.
/// </summary>
public sealed class ReportWorkflowTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> NewPlanAsync(int year) =>
        (await app.NewSupervisedPlanAsync(year, new DateOnly(year, 3, 1), new TaskSpec("推进执法规范化", AcceptedPercent: 100))).PlanId;

    private async Task<uint> VersionAsync(int planId)
    {
        await using var db = app.CreateDb();
        return await db.Reports.Where(r => r.WorkPlanId == planId).Select(r => r.Version).SingleOrDefaultAsync(Ct);
    }

    private async Task<AnnualReport> ReportAsync(int planId)
    {
        await using var db = app.CreateDb();
        return await db.Reports.Include(r => r.Revisions).ThenInclude(v => v.Parts).Include(r => r.Steps).AsSplitQuery()
            .SingleAsync(r => r.WorkPlanId == planId, Ct);
    }

    private async Task<HttpResponseMessage> EditAsync(HttpClient office, int planId, int part, string text, uint? version = null) =>
        await office.PostFormAsync($"/plans/{planId}/report/edit", new Dictionary<string, string>
        {
            ["Form.Part"] = part.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Text"] = text,
            ["Form.Version"] = (version ?? await VersionAsync(planId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private async Task<HttpResponseMessage> StepAsync(HttpClient client, int planId, string page, string action, string? comment = null,
        Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Action"] = action,
            ["Form.Comment"] = comment ?? "",
            ["Form.Version"] = (await VersionAsync(planId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? []) fields[key] = value;
        return await client.PostFormAsync($"/plans/{planId}/report/{page}", fields);
    }

    private async Task FillAsync(HttpClient office, int planId)
    {
        foreach (var part in ReportParts.Numbers)
            (await EditAsync(office, planId, part, $"（一）第{part}部分\n正文{part}。")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.HtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent.Trim();

    [Fact]
    public async Task The_office_sends_the_leader_returns_and_approves_and_the_office_clears_and_publishes_it()
    {
        var planId = await NewPlanAsync(2031);
        var office = await app.SignInAsAsync("office");
        var leader = await app.SignInAsAsync("leader");
        await FillAsync(office, planId);

        (await StepAsync(office, planId, "send", "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var noComment = await StepAsync(leader, planId, "decide", "Return");
        (await ErrorAsync(noComment)).ShouldContain("请填写退回意见");
        (await ReportAsync(planId)).Status.ShouldBe(ReportStatus.Submitted);
        (await StepAsync(leader, planId, "decide", "Return", "第二部分请写明原因")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await (await office.GetAsync($"/plans/{planId}/report", Ct)).HtmlAsync();
        page.QuerySelector("[data-testid=report-status]")!.TextContent.ShouldBe("草稿");
        page.QuerySelector("[data-testid=return-comment]")!.TextContent.ShouldContain("第二部分请写明原因");

        (await EditAsync(office, planId, 2, "二、不足\n执法力量不足，原因是编制有限。")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StepAsync(office, planId, "send", "Submit", "已按意见修改")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StepAsync(leader, planId, "decide", "Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StepAsync(office, planId, "send", "Secrecy")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StepAsync(office, planId, "send", "Publish", more: new() { ["Form.PublishedOn"] = "2032-03-25", ["Form.Channel"] = "本局门户网站" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var report = await ReportAsync(planId);
        report.Status.ShouldBe(ReportStatus.Published);
        report.Current.ApprovedBy.ShouldNotBeNullOrEmpty();
        report.Current.SecrecyReviewedBy.ShouldNotBeNullOrEmpty();
        report.Current.SecrecyReviewedAt.ShouldNotBeNull();
        (report.Current.PublishedOn, report.Current.PublishedChannel).ShouldBe((new DateOnly(2032, 3, 25), "本局门户网站"));
        report.Steps.Select(s => s.Kind).ShouldBe([ReportStepKind.Submitted, ReportStepKind.Returned, ReportStepKind.Submitted,
            ReportStepKind.Approved, ReportStepKind.SecrecyReviewed, ReportStepKind.Published]);

        var published = await (await leader.GetAsync($"/plans/{planId}/report", Ct)).HtmlAsync();
        published.QuerySelector("[data-testid=report-status]")!.TextContent.ShouldBe("已公开");
        published.QuerySelector("[data-testid=publication]")!.TextContent.ShouldContain("本局门户网站");
        published.QuerySelectorAll("[data-testid=report-step]").Length.ShouldBe(6);

        var docx = await leader.GetAsync($"/plans/{planId}/report?handler=Docx", Ct);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        docx.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith("年度法治政府建设工作情况报告.docx");
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        word.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("执法力量不足");
    }

    [Fact]
    public async Task Every_change_and_step_of_the_report_is_in_the_audit_trail()
    {
        var planId = await NewPlanAsync(2039);
        var office = await app.SignInAsAsync("office");
        await FillAsync(office, planId);
        (await StepAsync(office, planId, "send", "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await ReportAsync(planId);

        await using var db = app.CreateDb();
        var entries = await db.AuditEntries.Where(e => e.EntityType.StartsWith("Report") || e.EntityType == "AnnualReport")
            .ToListAsync(Ct);
        var revisionKey = report.Current.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        entries.ShouldContain(e => e.EntityType == "AnnualReport" && e.After!.Contains("\"WorkPlanId\""));
        entries.ShouldContain(e => e.EntityType == "ReportPart" && e.After!.Contains("正文5"));
        entries.ShouldContain(e => e.EntityType == "ReportRevision" && e.EntityKey.Contains(revisionKey) && e.After!.Contains("Submitted"));
        entries.ShouldContain(e => e.EntityType == "ReportStep" && e.After!.Contains("Submitted"));

        var history = await (await office.GetAsync("/audit?Query.Type=ReportRevision", Ct)).TextAsync();
        history.ShouldContain("报告修订版");
    }

    [Fact]
    public async Task A_sent_report_cannot_be_edited_and_the_office_is_told_why()
    {
        var planId = await NewPlanAsync(2039);
        var office = await app.SignInAsAsync("office");
        await FillAsync(office, planId);
        (await StepAsync(office, planId, "send", "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await EditAsync(office, planId, 1, "送审后改的");

        (await ErrorAsync(response)).ShouldContain("报告已送审，领导审定或退回之前不能修改");
        (await ReportAsync(planId)).Current.Part(1).Text.ShouldBe("（一）第1部分\n正文1。");
    }

    [Fact]
    public async Task A_report_with_an_empty_part_is_not_sent_and_the_page_says_which()
    {
        var planId = await NewPlanAsync(2043);
        var office = await app.SignInAsAsync("office");
        (await EditAsync(office, planId, 1, "只写了第一部分")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await StepAsync(office, planId, "send", "Submit");

        (await ErrorAsync(response)).ShouldContain("“二、存在的不足和原因”尚未填写，不能送审");
        (await ReportAsync(planId)).Status.ShouldBe(ReportStatus.Draft);
    }

    [Fact]
    public async Task A_leader_cannot_approve_a_draft_and_the_office_cannot_publish_before_the_secrecy_review()
    {
        var planId = await NewPlanAsync(2039);
        var office = await app.SignInAsAsync("office");
        var leader = await app.SignInAsAsync("leader");
        await FillAsync(office, planId);

        (await ErrorAsync(await StepAsync(leader, planId, "decide", "Approve"))).ShouldContain("只有已送审的报告可以审定");
        (await ErrorAsync(await StepAsync(office, planId, "send", "Publish", more: new() { ["Form.PublishedOn"] = "2040-03-01", ["Form.Channel"] = "网站" })))
            .ShouldContain("报告须通过保密审查后才能公开");
        (await ErrorAsync(await StepAsync(office, planId, "send", "Secrecy"))).ShouldContain("报告须经领导审定后才能进行保密审查");
        var report = await ReportAsync(planId);
        report.Status.ShouldBe(ReportStatus.Draft);
        report.Steps.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_edit_after_approval_makes_a_new_revision_and_the_approved_one_stays_readable()
    {
        var planId = await NewPlanAsync(2041);
        var office = await app.SignInAsAsync("office");
        var leader = await app.SignInAsAsync("leader");
        await FillAsync(office, planId);
        (await StepAsync(office, planId, "send", "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StepAsync(leader, planId, "decide", "Approve")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await EditAsync(office, planId, 4, "四、新的安排")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var report = await ReportAsync(planId);
        report.Revisions.Select(r => (r.Number, r.Status)).ShouldBe([(1, ReportStatus.Approved), (2, ReportStatus.Draft)]);
        report.Revisions[0].Part(4).Text.ShouldBe("（一）第4部分\n正文4。");
        report.Current.Part(4).Text.ShouldBe("四、新的安排");
        var first = await (await leader.GetAsync($"/plans/{planId}/report?revision=1", Ct)).HtmlAsync();
        first.QuerySelector("[data-testid=report-status]")!.TextContent.ShouldBe("领导审定");
        first.QuerySelector("[data-part='4'] [data-testid=part-text]")!.TextContent.ShouldContain("正文4");
        var print = await (await leader.GetAsync($"/plans/{planId}/report/print?revision=1", Ct)).TextAsync();
        print.ShouldContain("正文4");
        print.ShouldNotContain("新的安排");
    }

    [Fact]
    public async Task The_print_view_sets_typed_ascii_punctuation_full_width_as_the_word_file_does_and_keeps_the_stored_text()
    {
        var planId = await NewPlanAsync(2042);
        var office = await app.SignInAsAsync("office");
        await FillAsync(office, planId);
        (await EditAsync(office, planId, 2, "（一）不足。坚持党的领导,深化改革;满意度92.3%")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var print = await (await office.GetAsync($"/plans/{planId}/report/print", Ct)).HtmlAsync();

        print.QuerySelectorAll("[data-testid=print-sheet] p").Select(p => p.TextContent)
            .ShouldContain("（一）不足。坚持党的领导，深化改革；满意度92.3%");
        (await ReportAsync(planId)).Current.Part(2).Text.ShouldBe("（一）不足。坚持党的领导,深化改革;满意度92.3%");
    }

    [Fact]
    public async Task A_stale_edit_form_saves_nothing_and_shows_the_stored_text_beside_the_office_s_own()
    {
        var planId = await NewPlanAsync(2043);
        var office = await app.SignInAsAsync("office");
        (await EditAsync(office, planId, 1, "第一版文字")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var opened = await VersionAsync(planId);
        (await EditAsync(office, planId, 1, "同事先保存的文字")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await EditAsync(office, planId, 1, "我的文字", opened);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("已被他人修改");
        page.QuerySelector("[data-testid=stored-text]")!.TextContent.ShouldContain("同事先保存的文字");
        page.QuerySelector("[data-testid=part-editor]")!.TextContent.ShouldBe("我的文字");
        (await ReportAsync(planId)).Current.Part(1).Text.ShouldBe("同事先保存的文字");
    }

    [Fact]
    public async Task The_report_page_shows_the_years_deadlines_with_days_left()
    {
        var planId = await NewPlanAsync(2045);
        var viewer = await app.SignInAsAsync("viewer");

        var page = await (await viewer.GetAsync($"/plans/{planId}/report", Ct)).HtmlAsync();

        var deadlines = page.QuerySelectorAll("[data-testid=report-deadline]").Select(d => d.TextContent).ToList();
        deadlines.Count.ShouldBe(2);
        deadlines[0].ShouldContain("2046年3月1日");
        deadlines[1].ShouldContain("2046年4月1日");
        page.QuerySelector("[data-testid=days-left]")!.TextContent.ShouldContain("剩");
        page.QuerySelector("[data-testid=draft-link]").ShouldBeNull("a viewer only reads");
    }
}
