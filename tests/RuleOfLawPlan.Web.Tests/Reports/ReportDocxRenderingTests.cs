using System.Globalization;
using RuleOfLawPlan.Web.Pages.Reports;
using static RuleOfLawPlan.Web.Tests.Reports.ReportDocxSamples;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>
/// The .docx as LibreOffice lays it out (slow: one conversion for the class). A PNG of page 1 is left next to the test
/// binaries (bin/…/screenshots/annual-report-page-1.png), with the .docx, for a reviewer to look at.
/// </summary>
public sealed class ReportDocxRenderingTests
{
    /// <summary>A paragraph of 54 characters: 26 after the two-character indent, then 28.</summary>
    private const string TwoFullLines = "一二三四五六七八九十一二三四五六七八九十一二三四五六甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛";

    /// <summary>
    /// 44 lines exactly: the title (two lines), a blank line, five headings, body paragraphs named by the line they are on
    /// (one of them two full lines), a blank line, the organ and the date. At 22 lines a page that is two full pages, and
    /// the heading of part 三 opens the second.
    /// </summary>
    private static ReportDocument FortyFourLines()
    {
        static string Lines(int from, int count) =>
            string.Join('\n', Enumerable.Range(from, count).Select(n => $"第{n.ToString(CultureInfo.InvariantCulture)}行,推进依法行政工作."));
        return new(Title, Organ, new DateOnly(2024, 1, 15),
        [
            new("一、主要举措和成效", TwoFullLines + "\n" + Lines(7, 6)),
            new("二、存在的不足和原因", Lines(14, 9)),
            new("三、党政主要负责人履行推进法治建设第一责任人职责情况", Lines(24, 8)),
            new("四、下一年度主要安排", Lines(33, 7)),
            new("五、其他需要报告的情况", Lines(41, 1)),
        ]);
    }

    [Fact]
    public async Task LibreOffice_lays_it_out_22_lines_a_page_with_the_title_on_page_1_and_page_numbers_at_the_outside_edges()
    {
        using var work = new TempFolder("rolp-docx-");
        var docx = work.Combine("report.docx");
        await using (var file = File.Create(docx))
            ReportDocxWriter.Write(FortyFourLines(), file);

        var pdf = await LibreOffice.ToPdfAsync(docx, work);
        var png = Path.Combine(Output, "annual-report-page-1.png");
        await LibreOffice.SavePngAsync(pdf, 1, png);
        File.Copy(docx, Path.Combine(Output, "annual-report.docx"), overwrite: true);
        TestContext.Current.SendDiagnosticMessage($"Page 1: {png}");

        (await LibreOffice.PageCountAsync(pdf)).ShouldBe(2);
        var first = Lines(await LibreOffice.PageTextAsync(pdf, 1));
        var second = Lines(await LibreOffice.PageTextAsync(pdf, 2));
        string.Concat(first.Take(2).Select(Squeezed)).ShouldBe(Title, "the title, on two lines");
        first.Select(Squeezed).ShouldContain(TwoFullLines[26..], "28 characters to the line");
        Squeezed(first[^2]).ShouldBe("第22行，推进依法行政工作。", "22 lines fill page 1");
        Squeezed(second[0]).ShouldBe("三、党政主要负责人履行推进法治建设第一责任人职责情况");
        Squeezed(second[^2]).ShouldBe("2024年1月15日");

        // The strip below the type area (35 mm = 99 pt), split into the page's left and right halves.
        (await LibreOffice.RegionTextAsync(pdf, 1, 298, 743, 297, 99)).Replace(" ", "", StringComparison.Ordinal).ShouldBe("—1—", "odd pages: at the right");
        (await LibreOffice.RegionTextAsync(pdf, 1, 0, 743, 297, 99)).ShouldBeEmpty();
        (await LibreOffice.RegionTextAsync(pdf, 2, 0, 743, 297, 99)).Replace(" ", "", StringComparison.Ordinal).ShouldBe("—2—", "even pages: at the left");
        (await LibreOffice.RegionTextAsync(pdf, 2, 298, 743, 297, 99)).ShouldBeEmpty();
    }

    /// <summary>A line of pdftotext's output without the spaces it puts around figures and in the layout.</summary>
    private static string Squeezed(string line) => line.Replace(" ", "", StringComparison.Ordinal);

    private static string Output { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static List<string> Lines(string text) =>
        text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
}
