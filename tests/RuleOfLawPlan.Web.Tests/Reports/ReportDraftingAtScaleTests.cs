using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;
using RuleOfLawPlan.Web.Pages.Reports;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>
/// 从记录起草 for a city-wide plan (<see cref="ScaleOptions.Hundred"/>: 2 600 tasks, 30 000 updates), whose part 一 listed
/// task by task is several times what a report part holds: every part is drafted within its limit, summarised per area
/// with how many tasks it left out, the office drafts it from the page and downloads the Word file, and the app starts
/// on such data with the demo year on.
/// </summary>
public sealed partial class ReportDraftingAtScaleTests(HundredTimesAppFixture hundred, PostgresClusterFixture cluster)
    : IClassFixture<HundredTimesAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^（本方面另有(\d+)项任务未逐项列入草稿，其进展、成果和指标数据详见工作台账。）$")]
    private static partial Regex LeftOut();

    private async Task<IReadOnlyList<DraftedPart>> DraftAsync()
    {
        await using var scope = hundred.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReportDrafter>().DraftAsync(hundred.PlanId, Ct))!;
    }

    private static int Stored(string text) => TextNormalizer.Normalize(text, multiline: true).Length;

    [Fact]
    public async Task Every_part_fits_and_part_one_summarises_each_area_and_says_how_many_tasks_it_left_out()
    {
        var draft = await DraftAsync();

        draft.ShouldAllBe(part => Stored(part.Text) <= DraftBudget.PartLength);
        var report = new AnnualReport(hundred.PlanId, DemoYear.Year, "报告");
        Should.NotThrow(() => report.ApplyDraft(draft, [], "办公室", DateTimeOffset.UtcNow));

        var partOne = draft[0].Paragraphs;
        var areas = partOne.Where(p => p.Source.Length == 0).ToList();
        areas.ShouldNotBeEmpty();
        var summaries = partOne.Where(p => p.Text.StartsWith("本方面共", StringComparison.Ordinal)).ToList();
        summaries.Count.ShouldBe(areas.Count, "each area says how many tasks it has and how many are done");
        summaries.ShouldAllBe(p => p.Source.StartsWith("工作台账"));
        summaries.Sum(p => int.Parse(Regex.Match(p.Text, @"^本方面共(\d+)项").Groups[1].Value, CultureInfo.InvariantCulture))
            .ShouldBe(hundred.Options.Tasks);

        var leftOut = partOne.Select(p => LeftOut().Match(p.Text)).Where(m => m.Success)
            .Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var listed = partOne.Where(p => p.TaskId is not null).Select(p => p.TaskId).Distinct().Count();
        listed.ShouldBeGreaterThan(0, "the most significant tasks are still listed with their sources");
        leftOut.ShouldBeGreaterThan(0);
        (listed + leftOut).ShouldBe(hundred.Options.Tasks, "every task is either listed or counted among those left out");
        partOne.Where(p => p.TaskId is not null).ShouldAllBe(p => p.Source.Length > 0);
    }

    [Fact]
    public async Task The_office_drafts_from_the_page_and_downloads_the_word_file()
    {
        var office = await hundred.SignInAsAsync("office");

        var posted = await office.PostFormAsync($"/plans/{hundred.PlanId}/report/draft",
            [new("Form.Version", "0"), new("Form.Confirmed", "false")]);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync(Ct));
        await using (var db = hundred.CreateDb())
        {
            var parts = await db.Reports.Where(r => r.WorkPlanId == hundred.PlanId)
                .SelectMany(r => r.Revisions.SelectMany(v => v.Parts)).Select(p => p.Text).ToListAsync(Ct);
            parts.Count.ShouldBe(ReportParts.Count);
            parts.ShouldAllBe(text => text.Length > 0 && text.Length <= DraftBudget.PartLength);
        }

        var page = await office.GetAsync($"/plans/{hundred.PlanId}/report", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var docx = await office.GetAsync($"/plans/{hundred.PlanId}/report?handler=Docx", Ct);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), isEditable: false);
        var texts = document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        texts.ShouldContain(t => t.Contains("未逐项列入草稿", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_starts_in_development_with_the_demo_year_on_and_drafts_the_demo_report_of_the_data()
    {
        var connectionString = cluster.ConnectionStringFor(
            await cluster.CreateDatabaseAsync(await ScaleAppFixture.FilledTemplateAsync(cluster, ScaleOptions.Hundred)));

        await using var app = await ConfiguredApp.StartAsync(cluster, new Dictionary<string, string?> { ["Seed:DemoYear"] = "true" },
            connectionString: connectionString);

        await using var started = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);
        var parts = await started.Reports.Where(r => r.Year == DemoYear.Year)
            .SelectMany(r => r.Revisions.SelectMany(v => v.Parts)).Select(p => new { p.Number, p.Text }).ToListAsync(Ct);
        parts.Count.ShouldBe(ReportParts.Count);
        parts.Single(p => p.Number == 1).Text.ShouldContain("未逐项列入草稿");
    }
}
