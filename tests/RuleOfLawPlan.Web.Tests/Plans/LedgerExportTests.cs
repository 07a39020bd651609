using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Tests.Plans;

/// <summary>工作台账 export: an .xlsx of a plan's tasks, and the updates and KPI readings dated within a range.</summary>
public sealed class LedgerExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Marked = "整治<市容>&“门前三包”落实情况";

    /// <summary>
    /// A plan of its own: <paramref name="tasks"/> tasks led by 综合执法科 and supported by 市容环境卫生管理科, each with a
    /// satisfaction KPI; the first task gets <see cref="Marked"/> in June and an update in January 2024 (outside 2023), the
    /// others <paramref name="updatesPerTask"/> updates in 2023; the first KPI a reading in 2023 and one in 2024. The marked update
    /// has two evidence files (their rows only: the export names them and never reads their content).
    /// </summary>
    private async Task<int> PlanAsync(int tasks = 2, int updatesPerTask = 1)
    {
        await using var db = app.CreateDb();
        var sections = await db.Sections.Where(s => s.Name == "综合执法科" || s.Name == "市容环境卫生管理科").ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var plan = new WorkPlan(organizationId, 2023, "台账测试计划" + Guid.NewGuid().ToString("N")[..8], null, null);
        var area = plan.AddArea("严格规范公正文明执法", "");
        var made = Enumerable.Range(1, tasks).Select(n =>
        {
            var task = area.AddTask(n, n == 1 ? "持续推进行政执法三项制度" : $"第{n}项任务", "");
            task.Assign(sections["综合执法科"], [sections["市容环境卫生管理科"]], "分管副局长", n == 1 ? new DateOnly(2023, 12, 31) : null, null);
            task.AddKpi("城市管理行政执法社会满意度", "社会满意度达90%以上", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage);
            return task;
        }).ToList();
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);

        var at = new DateTimeOffset(2023, 7, 1, 2, 0, 0, TimeSpan.Zero);
        made[0].RecordProgress(sections["综合执法科"], new DateOnly(2023, 6, 28), 40, Marked, "综合执法科科长", at);
        made[0].RecordProgress(sections["市容环境卫生管理科"], new DateOnly(2023, 6, 25), 30, "配合开展市容整治", "市容环境卫生管理科科长", at);
        made[0].RecordProgress(sections["综合执法科"], new DateOnly(2024, 1, 5), 100, "年度范围以外的进展", "综合执法科科长", at.AddMonths(6));
        foreach (var task in made.Skip(1))
        {
            for (var i = 0; i < updatesPerTask; i++)
                task.RecordProgress(sections["综合执法科"], new DateOnly(2023, 3 + i % 9, 1), 10 + i % 90, $"第{i + 1}次进展", "综合执法科科长", at);
        }
        var marked = made[0].Updates[0];
        made[0].AttachEvidence(marked, "执法公示截图.png", EvidenceKind.Png, 1_024, new string('a', 64), "综合执法科科长", at);
        made[0].AttachEvidence(marked, "案卷评查报告.pdf", EvidenceKind.Pdf, 2_048, new string('b', 64), "综合执法科科长", at);
        var kpi = made[0].Kpis[0];
        made[0].RecordKpiReading(kpi.Id, new DateOnly(2023, 12, 31), 92.5m, null, null, null, null, "年度满意度测评报告", "政策法规办干部", at);
        made[0].RecordKpiReading(kpi.Id, new DateOnly(2024, 1, 31), 80m, null, null, null, null, "范围以外的测评", "政策法规办干部", at);
        await db.SaveChangesAsync(Ct);
        foreach (var task in made)
        {
            foreach (var update in task.Updates.ToList())
                task.AcceptUpdate(update.Id, "政策法规办干部", at.AddDays(1));
        }
        await db.SaveChangesAsync(Ct);
        return plan.Id;
    }

    private static string Url(int planId, string from = "2023-01-01", string to = "2023-12-31") =>
        $"/plans/{planId}/ledger?handler=Download&Query.From={from}&Query.To={to}";

    private static List<List<string>> Rows(WorkbookPart workbook, string sheetName)
    {
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())];
    }

    private static WorksheetPart Part(WorkbookPart workbook, string sheetName) =>
        (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName).Id!);

    private static string Day(int year, int month, int day) =>
        new DateTime(year, month, day).ToOADate().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_office_downloads_a_workbook_of_the_tasks_and_the_updates_and_readings_within_the_range()
    {
        var planId = await PlanAsync();

        var response = await (await app.UserAsync("office")).GetAsync(Url(planId), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldStartWith("台账测试计划");
        disposition.FileNameStar.ShouldEndWith("工作台账（2023-01-01至2023-12-31）.xlsx");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;

        workbook.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ShouldBe(["工作台账", "指标数据"]);
        var ledger = Rows(workbook, "工作台账");
        ledger[0].ShouldBe(["序号", "任务", "牵头科室", "配合科室", "完成时限", "截至日期", "填报科室", "进度（%）", "工作进展", "审核状态", "填报人", "佐证材料"]);
        ledger.Count.ShouldBe(4, "the header, task 1's two updates in 2023 (lead first), task 2's one");
        ledger[1].ShouldBe(["（一）1", "持续推进行政执法三项制度", "综合执法科", "市容环境卫生管理科",
            Day(2023, 12, 31), Day(2023, 6, 28), "综合执法科", "40", Marked, "已采纳", "综合执法科科长", "执法公示截图.png\n案卷评查报告.pdf"]);
        ledger[2][6..9].ShouldBe(["市容环境卫生管理科", "30", "配合开展市容整治"]);
        ledger[3][1].ShouldBe("第2项任务");
        ledger[3][4].ShouldBe("常态化");
        ledger.ShouldNotContain(r => r.Contains("年度范围以外的进展"));

        var readings = Rows(workbook, "指标数据");
        readings[0].ShouldBe(["序号", "任务", "指标", "目标", "截至日期", "数据", "达标情况", "数据来源", "填报人", "填报时间", "佐证材料"]);
        readings.Count.ShouldBe(2);
        readings[1][..8].ShouldBe(["（一）1", "持续推进行政执法三项制度", "城市管理行政执法社会满意度", "≥ 90%", Day(2023, 12, 31), "92.5%", "达标", "年度满意度测评报告"]);
    }

    [Fact]
    public async Task The_workbook_prints_a4_landscape_with_a_frozen_repeated_header_and_columns_that_fit()
    {
        var planId = await PlanAsync();

        var bytes = await (await (await app.UserAsync("leader")).GetAsync(Url(planId), Ct)).Content.ReadAsByteArrayAsync(Ct);

        await using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        foreach (var (name, index) in new[] { ("工作台账", 0u), ("指标数据", 1u) })
        {
            var sheet = Part(workbook, name).Worksheet;
            var pane = sheet.Descendants<Pane>().Single();
            pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
            pane.VerticalSplit!.Value.ShouldBe(1);
            pane.TopLeftCell!.Value.ShouldBe("A2");
            var setup = sheet.Descendants<PageSetup>().Single();
            setup.Orientation!.Value.ShouldBe(OrientationValues.Landscape);
            setup.PaperSize!.Value.ShouldBe(9u, "A4");
            setup.FitToWidth!.Value.ShouldBe(1u);
            sheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value.ShouldBeTrue();
            workbook.Workbook.Descendants<DefinedName>()
                .ShouldContain(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId! == index && d.Text == $"'{name}'!$1:$1");
        }
        var ledger = Part(workbook, "工作台账").Worksheet;
        var widths = ledger.Descendants<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        widths[4].ShouldBe(2 * "市容环境卫生管理科".Length + 2, "a CJK character is two units wide (配合科室)");
        widths[1].ShouldBe(8, "序号 is narrow, within its maximum");
        widths[9].ShouldBeGreaterThan(widths[8], "工作进展 is wider than 进度");
        widths[9].ShouldBeLessThanOrEqualTo(50, "long text wraps rather than widening the column without end");
        var text = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()
            .ElementAt((int)ledger.Descendants<Cell>().First(c => c.CellReference == "I2").StyleIndex!.Value);
        text.Alignment!.WrapText!.Value.ShouldBeTrue();
    }

    [Theory]
    [InlineData("2023-12-31", "2023-01-01", "Query.To", "开始日期不能晚于结束日期")]
    [InlineData("", "2023-12-31", "Query.From", "请填写开始日期")]
    public async Task A_bad_range_gets_the_form_again_with_a_chinese_message(string from, string to, string field, string message)
    {
        var planId = await PlanAsync();

        var response = await (await app.UserAsync("office")).GetAsync(Url(planId, from, to), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.HtmlAsync()).QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.ShouldBe(message);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_refused_in_chinese()
    {
        var planId = await PlanAsync();

        var response = await (await app.UserAsync("office")).GetAsync(Url(planId, "abc"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.HtmlAsync()).QuerySelector("[data-valmsg-for='Query.From']")!.TextContent.ShouldBe("“abc”不是有效的值");
    }

    [Theory]
    [InlineData("section")]
    [InlineData("viewer")]
    [InlineData("admin")]
    public async Task Only_the_office_and_leaders_may_export(string user)
    {
        var planId = await PlanAsync();

        (await (await app.UserAsync(user)).GetAsync(Url(planId), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_export_sends_the_same_number_of_queries_for_a_plan_ten_times_larger()
    {
        var small = await PlanAsync(tasks: 3, updatesPerTask: 2);
        var large = await PlanAsync(tasks: 30, updatesPerTask: 20);
        var client = await app.UserAsync("office");
        (await client.GetAsync(Url(small), Ct)).EnsureSuccessStatusCode();

        app.Sql.Reset();
        (await client.GetAsync(Url(small), Ct)).EnsureSuccessStatusCode();
        var queries = app.Sql.Count;
        app.Sql.Reset();
        var response = await client.GetAsync(Url(large), Ct);
        response.EnsureSuccessStatusCode();

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Rows(document.WorkbookPart!, "工作台账").Count.ShouldBe(1 + 2 + 29 * 20);
        app.Sql.Count.ShouldBe(queries);
        queries.ShouldBeLessThanOrEqualTo(8, "the session, the plan, tasks, their supports, updates, readings, evidence file names (of both), section names");
    }
}
