using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Evidence;

/// <summary>
/// Only an upload route takes a body above Kestrel's limit, and only up to one update's files and fields
/// (<c>Evidence:MaxUpdateMegabytes</c> + 1 MB). On a real Kestrel, with its limit lowered to 1 MB and the evidence limits
/// to 1 MB a file and 2 MB an update (3 MB a request), so the bodies stay small.
/// </summary>
public sealed class EvidenceRequestLimitTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_upload_route_takes_a_body_over_kestrels_limit_up_to_the_evidence_limit_and_cuts_off_above_it()
    {
        await using var kestrel = new PlanAppFactory(app.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Evidence:MaxFileMegabytes"] = "1",
            ["Evidence:MaxUpdateMegabytes"] = "2",
        }, kestrel: true, services: KestrelLimit);
        kestrel.StartServer();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = kestrel.ServerAddress };
        await client.SignInAsync("section", SampleData.DemoPassword);
        var part = EvidenceSamples.PdfOfLength(900 * 1024);

        var taskId = await app.NewTaskAsync();
        var accepted = await client.PostFilesAsync($"/tasks/{taskId}/progress", await FieldsAsync(taskId),
            [("Form.Files", "一.pdf", new ByteArrayContent(part)), ("Form.Files", "二.pdf", new ByteArrayContent(part))]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, "1.8 MB of files: over Kestrel's 1 MB, within the 3 MB of an upload");
        (await app.EvidenceCountAsync(taskId)).Files.ShouldBe(2);

        var cutTask = await app.NewTaskAsync();
        var (_, chunks) = await app.EvidenceCountAsync(cutTask);
        var cut = await client.PostFilesAsync($"/tasks/{cutTask}/progress", await FieldsAsync(cutTask),
            [.. Enumerable.Range(0, 4).Select(i => ("Form.Files", $"{i}.pdf", (HttpContent)new ByteArrayContent(part)))]);
        cut.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await cut.HtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("提交的内容过大");
        (await app.UpdateCountAsync(cutTask)).ShouldBe(0);
        (await app.EvidenceCountAsync(cutTask)).ShouldBe((0, chunks));
    }

    [Fact]
    public async Task Other_forms_keep_kestrels_limit()
    {
        await using var kestrel = new PlanAppFactory(app.ConnectionString, kestrel: true, services: KestrelLimit);
        kestrel.StartServer();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = kestrel.ServerAddress };
        await client.SignInAsync("leader", SampleData.DemoPassword);
        var taskId = await app.NewTaskAsync();

        var response = await client.PostFilesAsync($"/tasks/{taskId}/instruct", [new("Form.Text", "请抓紧推进")],
            [("Form.Files", "附件.pdf", new ByteArrayContent(EvidenceSamples.PdfOfLength(1100 * 1024)))]);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    private static void KestrelLimit(IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 1024 * 1024);

    private async Task<Dictionary<string, string>> FieldsAsync(int taskId) => new()
    {
        ["Form.Percent"] = "40",
        ["Form.AsOf"] = "2023-06-01",
        ["Form.Summary"] = "完成执法检查并留存记录",
        ["Form.Version"] = (await app.TaskVersionAsync(taskId)).ToString(CultureInfo.InvariantCulture),
    };
}
