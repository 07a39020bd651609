using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Evidence;

/// <summary>
/// 佐证材料 sent with a progress update: what is accepted is stored and downloads byte for byte; what is refused is
/// refused with a Chinese message and leaves no row and no chunk (docs/decisions/017-evidence-in-postgresql-chunks.md).
/// </summary>
public sealed class EvidenceUploadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Dictionary<string, string>> FieldsAsync(AppFixture app, int taskId) => new()
    {
        ["Form.Percent"] = "40",
        ["Form.AsOf"] = "2023-06-01",
        ["Form.Summary"] = "完成执法检查并留存记录",
        ["Form.Version"] = (await app.TaskVersionAsync(taskId)).ToString(CultureInfo.InvariantCulture),
    };

    private static (string, string, HttpContent) File(string name, byte[] content) => ("Form.Files", name, new ByteArrayContent(content));

    [Fact]
    public async Task A_pdf_and_a_png_are_stored_listed_on_the_task_and_download_byte_identical_as_attachments()
    {
        var taskId = await app.NewTaskAsync();
        var client = await app.UserAsync("section");
        var pdf = EvidenceSamples.Pdf("Inspection record");
        var png = EvidenceSamples.Png(40, 30);

        var response = await client.PostFilesAsync($"/tasks/{taskId}/progress", await FieldsAsync(app, taskId),
            [File("执法检查记录.pdf", pdf), File("现场照片.png", png)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        var files = await db.EvidenceFiles.Where(f => f.PlanTaskId == taskId).OrderBy(f => f.Id).ToListAsync(Ct);
        files.Select(f => (f.FileName, f.Kind, f.Length)).ShouldBe([("执法检查记录.pdf", EvidenceKind.Pdf, (long)pdf.Length), ("现场照片.png", EvidenceKind.Png, png.Length)]);
        files[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        files[0].UploadedBy.ShouldBe("综合执法科科长");
        var update = await db.ProgressUpdates.SingleAsync(u => u.PlanTaskId == taskId, Ct);
        files.ShouldAllBe(f => f.ProgressUpdateId == update.Id);
        (await db.AuditEntries.CountAsync(e => e.PlanTaskId == taskId && e.EntityType == nameof(EvidenceFile), Ct)).ShouldBe(2);

        var page = await (await client.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        page.QuerySelectorAll("#history .audit-title").Select(t => t.TextContent).ShouldContain("执法检查记录.pdf", "the history names the file it added");
        var links = page.QuerySelectorAll("[data-testid=ledger-row] [data-testid=evidence-link]");
        links.Select(a => a.TextContent).ShouldBe(["执法检查记录.pdf", "现场照片.png"]);
        page.QuerySelector("[data-testid=evidence-files]")!.TextContent.ShouldContain("KB");

        var viewer = await app.UserAsync("viewer");
        foreach (var (link, content, type) in links.Zip([(pdf, "application/pdf"), (png, "image/png")], (a, f) => (a.GetAttribute("href")!, f.Item1, f.Item2)))
        {
            var download = await viewer.GetAsync(link, Ct);
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(content);
            download.Content.Headers.ContentType!.MediaType.ShouldBe(type);
            download.Content.Headers.ContentLength.ShouldBe(content.Length);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            download.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
        }
    }

    [Fact]
    public async Task A_chinese_file_name_comes_back_whole_in_content_disposition()
    {
        var taskId = await app.NewTaskAsync();
        const string name = "2023年第一季度行政执法“三项制度”落实情况（附件1）.pdf";
        var id = await app.NewEvidenceAsync(taskId, name, EvidenceSamples.Pdf());

        var download = await (await app.UserAsync("leader")).GetAsync($"/evidence/{id}", Ct);

        var disposition = download.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe(name);
        download.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''");
    }

    [Fact]
    public async Task An_exe_renamed_pdf_is_refused_with_a_chinese_message_and_nothing_is_stored()
    {
        await RefusedAsync([File("整改报告.pdf", EvidenceSamples.Exe())], "“整改报告.pdf”的内容与文件类型不符，请上传真实的PDF文件");
    }

    [Fact]
    public async Task A_file_of_a_kind_not_accepted_is_refused_and_nothing_is_stored()
    {
        await RefusedAsync([File("执法记录仪.exe", EvidenceSamples.Exe())],
            "“执法记录仪.exe”不是可以上传的文件类型，请上传PDF、Word、Excel、JPG、PNG或OFD文件");
    }

    [Fact]
    public async Task An_empty_file_is_refused_and_nothing_is_stored()
    {
        await RefusedAsync([File("空白.pdf", [])], "“空白.pdf”是空文件，请选择有内容的文件");
    }

    [Fact]
    public async Task One_bad_file_among_good_ones_refuses_the_whole_update()
    {
        await RefusedAsync([File("方案.pdf", EvidenceSamples.Pdf()), File("照片.png", EvidenceSamples.Jpeg())],
            "“照片.png”的内容与文件类型不符，请上传真实的PNG文件");
    }

    [Fact]
    public async Task A_file_over_the_per_file_limit_is_refused_and_nothing_is_stored()
    {
        await using var limited = Limited(app.Factory);
        await RefusedAsync([File("扫描件.pdf", EvidenceSamples.PdfOfLength(1024 * 1024 + 1))],
            "“扫描件.pdf”有1.1 MB，超过了单个文件1MB的上限", limited);
    }

    [Fact]
    public async Task A_set_over_the_per_update_limit_is_refused_and_nothing_is_stored()
    {
        await using var limited = Limited(app.Factory);
        var part = EvidenceSamples.PdfOfLength(800 * 1024);
        await RefusedAsync([File("一.pdf", part), File("二.pdf", part), File("三.pdf", part)],
            "所选文件共2.4 MB，超过了每次上传合计2MB的上限", limited);
    }

    [Fact]
    public async Task Downloads_need_a_signed_in_user_and_an_existing_file()
    {
        var taskId = await app.NewTaskAsync();
        var id = await app.NewEvidenceAsync(taskId, "记录.pdf", EvidenceSamples.Pdf());

        var anonymous = await app.CreateClient().GetAsync($"/evidence/{id}", Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        anonymous.Headers.Location.Query.ShouldContain("ReturnUrl=");
        (await (await app.UserAsync("viewer")).GetAsync($"/evidence/{id + 1000}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Posts the files with an otherwise valid update; checks the message and that no update, file row or chunk was stored.</summary>
    private async Task RefusedAsync(IEnumerable<(string, string, HttpContent)> files, string message, WebApplicationFactory<Program>? host = null)
    {
        var taskId = await app.NewTaskAsync();
        var client = host is null
            ? await app.UserAsync("section")
            : await host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SignInAsync("section", SampleData.DemoPassword);
        var audits = await app.AuditCountAsync();
        var (_, chunksBefore) = await app.EvidenceCountAsync(taskId);

        var response = await client.PostFilesAsync($"/tasks/{taskId}/progress", await FieldsAsync(app, taskId), files);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=evidence-error]")!.TextContent.ShouldContain(message);
        (await app.UpdateCountAsync(taskId)).ShouldBe(0);
        (await app.EvidenceCountAsync(taskId)).ShouldBe((0, chunksBefore));
        (await app.AuditCountAsync()).ShouldBe(audits);
    }

    /// <summary>The app with limits of 1 MB a file and 2 MB an update, on the class's database.</summary>
    internal static WebApplicationFactory<Program> Limited(WebApplicationFactory<Program> factory) => factory.WithWebHostBuilder(b => b
        .UseSetting("Evidence:MaxFileMegabytes", "1")
        .UseSetting("Evidence:MaxUpdateMegabytes", "2"));
}
