using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using RuleOfLawPlan.Web.Pages.Reports;
using static RuleOfLawPlan.Web.Tests.Reports.ReportDocxSamples;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>The annual report's .docx, opened again with the Open XML SDK: GB/T 9704-2012's layout and the office's text.</summary>
public sealed class ReportDocxTests
{
    [Fact]
    public void The_document_is_valid_open_xml()
    {
        using var document = Open(Annual());

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void The_title_the_five_parts_in_order_and_the_organ_and_date_at_the_end()
    {
        using var document = Open(Annual());
        var paragraphs = Paragraphs(document);

        paragraphs[0].ShouldBe((ReportDocxWriter.StyleIds.Title, Title));
        paragraphs.Where(p => p.Style == ReportDocxWriter.StyleIds.Heading1).Select(p => p.Text).ShouldBe(
        [
            "一、主要举措和成效",
            "二、存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、下一年度主要安排",
            "五、其他需要报告的情况",
        ]);
        paragraphs[^2].ShouldBe((ReportDocxWriter.StyleIds.Signature, Organ));
        paragraphs[^1].ShouldBe((ReportDocxWriter.StyleIds.Signature, "2024年1月15日"));
    }

    [Fact]
    public void Headings_in_the_text_get_their_level_and_punctuation_becomes_full_width_but_figures_keep_theirs()
    {
        using var document = Open(Annual());
        var paragraphs = Paragraphs(document);
        var partOne = paragraphs.SkipWhile(p => p.Text != "一、主要举措和成效").Skip(1).TakeWhile(p => p.Style != ReportDocxWriter.StyleIds.Heading1).ToList();

        partOne.ShouldBe(
        [
            (ReportDocxWriter.StyleIds.Heading2, "（一）严格规范公正文明执法"),
            (ReportDocxWriter.StyleIds.Normal, "1.持续推进行政执法三项制度。全年公示执法信息1,280条，时间为12:30前。"),
            (ReportDocxWriter.StyleIds.Normal, "城市管理行政执法社会满意度 92.3%，目标≥90%，达标。"),
            (ReportDocxWriter.StyleIds.Normal, "（二）完善依法行政制度体系。修订《城市市容管理办法》。"),
        ]);
        var leads = document.MainDocumentPart!.Document.Body!.Descendants<Run>()
            .Where(r => r.RunProperties?.RunStyle is not null)
            .Select(r => (r.RunProperties!.RunStyle!.Val!.Value, r.InnerText)).ToList();
        leads.ShouldBe(
        [
            (ReportDocxWriter.StyleIds.Lead3, "1.持续推进行政执法三项制度。"),
            (ReportDocxWriter.StyleIds.Lead2, "（二）完善依法行政制度体系。"),
        ]);
        paragraphs.ShouldContain((ReportDocxWriter.StyleIds.Heading2, "（一）深化执法体制改革"));
        paragraphs.ShouldContain((ReportDocxWriter.StyleIds.Normal, "执法人员培训覆盖率 85%，目标100%，未达标。"));
    }

    [Fact]
    public void Text_the_office_typed_comes_through_intact()
    {
        using var document = Open(Annual());

        Paragraphs(document).ShouldContain((ReportDocxWriter.StyleIds.Normal, Typed));
    }

    [Fact]
    public void Control_characters_in_stored_text_do_not_break_the_file()
    {
        var report = Annual() with { Parts = [new("一、主要举措和成效", "推进\u0001执法\u200b公示\r\n第二段")] };
        using var document = Open(report);

        Paragraphs(document).ShouldContain((ReportDocxWriter.StyleIds.Normal, "推进执法公示"));
        Paragraphs(document).ShouldContain((ReportDocxWriter.StyleIds.Normal, "第二段"));
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken).ShouldBeEmpty();
    }

    [Fact]
    public void A4_with_the_official_margins_and_a_grid_of_22_lines_of_28_characters()
    {
        using var document = Open(Annual());
        var section = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906u, 16838u), "A4, 210 × 297 mm");
        var margin = section.GetFirstChild<PageMargin>()!;
        Millimetres(margin.Top!.Value).ShouldBe(37);
        Millimetres(margin.Bottom!.Value).ShouldBe(35);
        Millimetres(margin.Left!.Value).ShouldBe(28);
        Millimetres(margin.Right!.Value).ShouldBe(26);

        var grid = section.GetFirstChild<DocGrid>()!;
        grid.Type!.Value.ShouldBe(DocGridValues.Lines);
        var typeHeight = (16838 - margin.Top.Value - (int)margin.Bottom.Value) / 20.0;
        Math.Floor(typeHeight / (grid.LinePitch!.Value / 20.0)).ShouldBe(22, "lines per page");
        var typeWidth = (11906 - margin.Left.Value - margin.Right.Value) / 20.0;
        var spacing = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Spacing!.Val!.Value;
        Math.Floor(typeWidth / (16 + spacing / 20.0)).ShouldBe(28, "characters per line");
    }

    [Fact]
    public void Body_title_and_heading_styles_use_the_official_fonts_sizes_and_fixed_28_pt_lines()
    {
        using var document = Open(Annual());
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!;
        Style Style(string id) => styles.Elements<Style>().Single(s => s.StyleId == id);

        var body = defaults.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        body.RunFonts!.EastAsia!.Value.ShouldBe("仿宋_GB2312");
        body.RunFonts.Hint!.Value.ShouldBe(FontTypeHintValues.EastAsia, "“” and — in the Chinese face");
        body.FontSize!.Val!.Value.ShouldBe("32", "3号 = 16 pt");
        var lines = defaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        (lines.Line!.Value, lines.LineRule!.Value).ShouldBe(("560", LineSpacingRuleValues.Exact), "fixed 28 pt");
        Style(ReportDocxWriter.StyleIds.Normal).StyleParagraphProperties!.Indentation!.FirstLineChars!.Value.ShouldBe(200, "two characters");

        var title = Style(ReportDocxWriter.StyleIds.Title);
        title.StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("方正小标宋简体");
        title.StyleRunProperties.FontSize!.Val!.Value.ShouldBe("44", "2号 = 22 pt");
        title.StyleParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);

        Style(ReportDocxWriter.StyleIds.Heading1).StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("黑体");
        Style(ReportDocxWriter.StyleIds.Heading2).StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("楷体_GB2312");
        Style(ReportDocxWriter.StyleIds.Lead2).StyleRunProperties!.RunFonts!.EastAsia!.Value.ShouldBe("楷体_GB2312");
        Style(ReportDocxWriter.StyleIds.Heading3).StyleRunProperties!.Bold.ShouldNotBeNull();
        Style(ReportDocxWriter.StyleIds.Heading3).StyleRunProperties!.RunFonts.ShouldBeNull("1. is bold 仿宋, the body's face");
        Style(ReportDocxWriter.StyleIds.Lead3).StyleRunProperties!.Bold.ShouldNotBeNull();
    }

    [Fact]
    public void The_font_table_names_a_fallback_for_each_official_font()
    {
        using var document = Open(Annual());
        var fonts = document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);

        fonts.Keys.ShouldBe(["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "Times New Roman"], ignoreOrder: true);
        fonts["仿宋_GB2312"].AltName!.Val!.Value.ShouldBe("仿宋");
        fonts["楷体_GB2312"].AltName!.Val!.Value.ShouldBe("楷体");
        fonts["仿宋_GB2312"].FontCharSet!.Val!.Value.ShouldBe("86", "GB2312");
        fonts.Values.ShouldAllBe(f => f.Panose1Number != null && f.FontFamily != null);
    }

    [Fact]
    public void Page_numbers_are_dashed_in_4hao_song_at_the_outside_edge_odd_right_even_left()
    {
        using var document = Open(Annual());
        var main = document.MainDocumentPart!;
        main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>().ShouldNotBeNull();
        var references = main.Document.Body!.Elements<SectionProperties>().Single().Elements<FooterReference>()
            .ToDictionary(r => r.Type!.Value, r => ((FooterPart)main.GetPartById(r.Id!.Value!)).Footer!);

        foreach (var (type, side) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var paragraph = references[type].Elements<Paragraph>().Single();
            paragraph.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(side);
            paragraph.ParagraphProperties.ParagraphStyleId!.Val!.Value.ShouldBe(ReportDocxWriter.StyleIds.Footer);
            paragraph.Descendants<FieldCode>().Single().Text.Trim().ShouldBe("PAGE");
            paragraph.Descendants<Text>().Select(t => t.Text).ShouldBe(["— ", "1", " —"]);
        }
        var footer = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == ReportDocxWriter.StyleIds.Footer).StyleRunProperties!;
        footer.RunFonts!.EastAsia!.Value.ShouldBe("宋体");
        footer.FontSize!.Val!.Value.ShouldBe("28", "4号 = 14 pt");
    }

    private static List<(string Style, string Text)> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.InnerText.Length > 0)
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", p.InnerText))
            .ToList();

    private static double Millimetres(double twips) => Math.Round(twips * 25.4 / 1440, 1);
}
