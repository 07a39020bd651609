using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Evidence;

/// <summary>
/// 佐证材料 sent with a KPI reading (指标数据): checked and stored as a progress update's are, listed beside the reading,
/// downloaded intact, named in the 工作台账; refused files leave no reading, no file row and no chunk.
/// </summary>
public sealed class KpiReadingEvidenceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(int taskId, int kpiId) => $"/tasks/{taskId}/kpis/{kpiId}/readings";

    private static Dictionary<string, string> Fields(string percent = "92.5") => new()
    {
        ["Form.AsOf"] = "2023-12-31",
        ["Form.Percent"] = percent,
        ["Form.Source"] = "年度满意度测评报告",
    };

    private static (string, string, HttpContent) File(string name, byte[] content) => ("Form.Files", name, new ByteArrayContent(content));

    [Fact]
    public async Task A_pdf_and_a_png_are_stored_with_the_reading_listed_beside_it_and_download_byte_identical()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        var pdf = EvidenceSamples.Pdf("Satisfaction survey");
        var png = EvidenceSamples.Png(30, 20);

        var form = await (await (await app.UserAsync("section")).GetAsync(Url(taskId, satisfaction), Ct)).HtmlAsync();
        form.QuerySelector("[data-testid=kpi-reading-form]")!.GetAttribute("enctype").ShouldBe("multipart/form-data");
        form.QuerySelector("[data-testid=evidence-input]")!.GetAttribute("name").ShouldBe("Form.Files");
        var response = await (await app.UserAsync("section")).PostFilesAsync(Url(taskId, satisfaction), Fields(),
            [File("满意度测评报告.pdf", pdf), File("测评现场.png", png)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.TextAsync());
        await using (var db = app.CreateDb())
        {
            var reading = await db.KpiReadings.SingleAsync(r => r.KpiId == satisfaction, Ct);
            var files = await db.EvidenceFiles.Where(f => f.PlanTaskId == taskId).OrderBy(f => f.Id).ToListAsync(Ct);
            files.Select(f => (f.FileName, f.Kind, f.Length, f.KpiReadingId, f.ProgressUpdateId))
                .ShouldBe([("满意度测评报告.pdf", EvidenceKind.Pdf, (long)pdf.Length, (long?)reading.Id, (long?)null), ("测评现场.png", EvidenceKind.Png, png.Length, reading.Id, null)]);
            files[1].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(png)));
            files.ShouldAllBe(f => f.UploadedBy == "综合执法科科长");
        }

        var viewer = await app.UserAsync("viewer");
        var page = await (await viewer.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        var row = page.QuerySelector($"[data-testid=kpi-section][data-kpi-id='{satisfaction}'] [data-testid=kpi-reading]")!;
        var links = row.QuerySelectorAll("[data-testid=evidence-link]");
        links.Select(a => a.TextContent).ShouldBe(["满意度测评报告.pdf", "测评现场.png"]);
        foreach (var (href, content) in links.Select(a => a.GetAttribute("href")!).Zip([pdf, png]))
        {
            var download = await viewer.GetAsync(href, Ct);
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(content);
        }

        var history = await (await (await app.UserAsync("office")).GetAsync(Url(taskId, satisfaction), Ct)).HtmlAsync();
        history.QuerySelectorAll("[data-testid=kpi-reading] [data-testid=evidence-link]").Select(a => a.TextContent)
            .ShouldBe(["满意度测评报告.pdf", "测评现场.png"]);
        (await app.CreateClient().GetAsync(links[0].GetAttribute("href"), Ct)).Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task An_exe_renamed_pdf_is_refused_with_a_chinese_message_and_nothing_is_stored() =>
        await RefusedAsync([File("测评报告.pdf", EvidenceSamples.Exe())], "“测评报告.pdf”的内容与文件类型不符，请上传真实的PDF文件");

    [Fact]
    public async Task An_empty_file_is_refused_and_nothing_is_stored() =>
        await RefusedAsync([File("空白.pdf", [])], "“空白.pdf”是空文件，请选择有内容的文件");

    [Fact]
    public async Task A_file_over_the_per_file_limit_is_refused_and_nothing_is_stored()
    {
        await using var limited = EvidenceUploadTests.Limited(app.Factory);
        await RefusedAsync([File("扫描件.pdf", EvidenceSamples.PdfOfLength(1024 * 1024 + 1))],
            "“扫描件.pdf”有1.1 MB，超过了单个文件1MB的上限", limited);
    }

    [Fact]
    public async Task The_ledger_names_a_readings_files_beside_it()
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        (await (await app.UserAsync("office")).PostFilesAsync(Url(taskId, satisfaction), Fields(),
            [File("满意度测评报告.pdf", EvidenceSamples.Pdf()), File("测评现场.png", EvidenceSamples.Png())])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        int planId;
        await using (var db = app.CreateDb())
            planId = await db.Tasks.Where(t => t.Id == taskId).Select(t => t.WorkPlanId).SingleAsync(Ct);

        var response = await (await app.UserAsync("office")).GetAsync($"/plans/{planId}/ledger?handler=Download&Query.From=2023-01-01&Query.To=2023-12-31", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == "指标数据");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        rows[0][^1].ShouldBe("佐证材料");
        rows.Count.ShouldBe(2);
        rows[1][2].ShouldBe("城市管理行政执法社会满意度");
        rows[1][^1].ShouldBe("满意度测评报告.pdf\n测评现场.png");
    }

    /// <summary>Posts the files with an otherwise valid reading; checks the message and that no reading, file row, chunk or audit entry was stored.</summary>
    private async Task RefusedAsync(IEnumerable<(string, string, HttpContent)> files, string message, WebApplicationFactory<Program>? host = null)
    {
        var (taskId, satisfaction, _, _) = await app.NewTaskWithKpisAsync();
        var client = host is null
            ? await app.UserAsync("section")
            : await host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SignInAsync("section", SampleData.DemoPassword);
        var audits = await app.AuditCountAsync();
        var (_, chunksBefore) = await app.EvidenceCountAsync(taskId);

        var response = await client.PostFilesAsync(Url(taskId, satisfaction), Fields(), files);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=evidence-error]")!.TextContent.ShouldContain(message);
        page.QuerySelector("[data-testid=evidence-reselect]").ShouldNotBeNull();
        await using var db = app.CreateDb();
        (await db.KpiReadings.CountAsync(r => r.KpiId == satisfaction, Ct)).ShouldBe(0);
        (await app.EvidenceCountAsync(taskId)).ShouldBe((0, chunksBefore));
        (await app.AuditCountAsync()).ShouldBe(audits);
    }
}
