using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as a .docx laid out as GB/T 9704-2012 lays out an official document: A4,
/// margins 37/35/28/26 mm, 22 lines of 28 characters; the title in 2号 方正小标宋简体 centred; the body in 3号 仿宋_GB2312
/// at a fixed 28 pt, indented two characters; headings 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋; page numbers
/// "— N —" in 4号 宋体 at the outside edge (odd pages right, even pages left); the issuing organ and date at the end.
/// Everything is generated here, so there is no template file to keep (decision 023); the fonts are the official names
/// with fallbacks in the font table (<see cref="Fonts"/>). The body is written as it comes (SAX), so a long report is
/// never held as a document tree.
/// </summary>
public static partial class ReportDocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// Writes the document into <paramref name="stream"/>, which must be readable and seekable (the package is a zip):
    /// a temporary file, as the ledger's download does, then returned with <c>File(...)</c>.
    /// </summary>
    public static void Write(ReportDocument report, Stream stream)
    {
        var printed = report.AsPrinted();
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        // A year's report is several megabytes of XML; deflating it at the default level is most of the writing time.
        document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        document.PackageProperties.Title = printed.Title;
        document.PackageProperties.Creator = printed.Organ;
        document.PackageProperties.Language = "zh-CN";

        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<FontTablePart>().Fonts = Fonts.Table();
        main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
        var oddFooter = main.AddNewPart<FooterPart>();
        oddFooter.Footer = PageNumberFooter(JustificationValues.Right);
        var evenFooter = main.AddNewPart<FooterPart>();
        evenFooter.Footer = PageNumberFooter(JustificationValues.Left);

        using var writer = OpenXmlWriter.Create(main);
        writer.WriteStartElement(new Document(), [], [new("w", Namespace.W), new("r", Namespace.R)]);
        writer.WriteStartElement(new Body());

        writer.WriteElement(Paragraph(StyleIds.Title, Run(printed.Title)));
        writer.WriteElement(Paragraph(StyleIds.Normal));
        foreach (var part in printed.Parts)
        {
            writer.WriteElement(Paragraph(StyleIds.Heading1, Run(part.Heading)));
            foreach (var line in part.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                writer.WriteElement(BodyParagraph(line));
            }
        }
        writer.WriteElement(Paragraph(StyleIds.Normal));
        writer.WriteElement(Paragraph(StyleIds.Signature, Run(printed.Organ)));
        writer.WriteElement(Paragraph(StyleIds.Signature, Run(Labels.ChineseDate(printed.Date))));

        writer.WriteElement(Section(main.GetIdOfPart(oddFooter), main.GetIdOfPart(evenFooter)));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>
    /// A paragraph of a part: a heading (一、 （一） 1.) or body text. A level-2 or level-3 heading followed by a sentence on
    /// the same line is a body paragraph whose words up to the first "。" are set in the heading's face.
    /// </summary>
    private static Paragraph BodyParagraph(string text)
    {
        if (Level1().IsMatch(text)) return Paragraph(StyleIds.Heading1, Run(text));
        var level = Level2().IsMatch(text) ? 2 : Level3().IsMatch(text) ? 3 : 0;
        if (level == 0) return Paragraph(StyleIds.Normal, Run(text));

        var end = text.IndexOf('。', StringComparison.Ordinal);
        if (end < 0 || end == text.Length - 1) return Paragraph(level == 2 ? StyleIds.Heading2 : StyleIds.Heading3, Run(text));
        return Paragraph(StyleIds.Normal, Run(text[..(end + 1)], level == 2 ? StyleIds.Lead2 : StyleIds.Lead3), Run(text[(end + 1)..]));
    }

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex Level1();

    [GeneratedRegex("^（[一二三四五六七八九十]+）")]
    private static partial Regex Level2();

    [GeneratedRegex("^[0-9０-９]+[.．](?![0-9])")]
    private static partial Regex Level3();

    private static Paragraph Paragraph(string style, params Run[] runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        paragraph.Append(runs);
        return paragraph;
    }

    private static Run Run(string text, string? characterStyle = null)
    {
        var run = new Run();
        if (characterStyle is not null) run.RunProperties = new RunProperties { RunStyle = new RunStyle { Val = characterStyle } };
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>"— N —" with N the PAGE field, at the page's outside edge one character in from the type area's edge.</summary>
    private static Footer PageNumberFooter(JustificationValues side)
    {
        var indent = side == JustificationValues.Right
            ? new Indentation { Right = "280", RightChars = 100 }
            : new Indentation { Left = "280", LeftChars = 100 };
        return new Footer(new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleIds.Footer }, Indentation = indent, Justification = new Justification { Val = side } },
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }

    private static SectionProperties Section(string oddFooterId, string evenFooterId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooterId },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooterId },
        new PageSize { Width = Page.Width, Height = Page.Height },
        new PageMargin
        {
            Top = (int)Page.Top,
            Bottom = (int)Page.Bottom,
            Left = Page.Left,
            Right = Page.Right,
            Header = Page.Mm(15),
            Footer = Page.Footer,
            Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = Page.LinePitch });

    private static Settings Settings() => new(
        new Zoom { Percent = "100" },
        new DefaultTabStop { Val = 640 },
        new EvenAndOddHeaders(),
        // No punctuation compression: a line holds exactly 28 characters, as the grid says.
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    private static Styles Styles()
    {
        var body = Fonts.Run(Fonts.FangSong, latin: Fonts.TimesNewRoman);
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = body,
                    Spacing = new Spacing { Val = Page.CharacterSpacing },
                    FontSize = new FontSize { Val = Page.BodySize },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = Page.BodySize },
                    Languages = new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = Page.FixedLines(),
                    Justification = new Justification { Val = JustificationValues.Both },
                })),
            ParagraphStyle(StyleIds.Normal, "Normal", basedOn: null, FirstLineIndent(), null, isDefault: true),
            ParagraphStyle(StyleIds.Title, "Title", StyleIds.Normal,
                // Off the line grid, or LibreOffice gives each line of the large title two grid lines where Word gives one.
                new StyleParagraphProperties { SnapToGrid = new SnapToGrid { Val = false }, Indentation = NoIndent(), Justification = new Justification { Val = JustificationValues.Center } },
                new StyleRunProperties
                {
                    RunFonts = Fonts.Run(Fonts.XiaoBiaoSong),
                    FontSize = new FontSize { Val = Page.TitleSize },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = Page.TitleSize },
                }),
            ParagraphStyle(StyleIds.Heading1, "heading 1", StyleIds.Normal, Outline(0), new StyleRunProperties { RunFonts = Fonts.Run(Fonts.Hei) }),
            ParagraphStyle(StyleIds.Heading2, "heading 2", StyleIds.Normal, Outline(1), new StyleRunProperties { RunFonts = Fonts.Run(Fonts.Kai, latin: Fonts.TimesNewRoman) }),
            ParagraphStyle(StyleIds.Heading3, "heading 3", StyleIds.Normal, Outline(2), new StyleRunProperties { Bold = new Bold(), BoldComplexScript = new BoldComplexScript() }),
            ParagraphStyle(StyleIds.Signature, "Signature", StyleIds.Normal,
                new StyleParagraphProperties { Indentation = new Indentation { Right = "640", RightChars = 200, FirstLine = "0", FirstLineChars = 0 }, Justification = new Justification { Val = JustificationValues.Right } },
                null),
            ParagraphStyle(StyleIds.Footer, "footer", StyleIds.Normal,
                new StyleParagraphProperties
                {
                    SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    Indentation = NoIndent(),
                },
                new StyleRunProperties
                {
                    RunFonts = Fonts.Run(Fonts.Song),
                    FontSize = new FontSize { Val = Page.PageNumberSize },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = Page.PageNumberSize },
                }),
            CharacterStyle(StyleIds.Lead2, "Heading 2 Lead", new StyleRunProperties { RunFonts = Fonts.Run(Fonts.Kai, latin: Fonts.TimesNewRoman) }),
            CharacterStyle(StyleIds.Lead3, "Heading 3 Lead", new StyleRunProperties { Bold = new Bold(), BoldComplexScript = new BoldComplexScript() }));

        static StyleParagraphProperties FirstLineIndent() => new() { Indentation = new Indentation { FirstLine = "640", FirstLineChars = 200 } };
        static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };
        static StyleParagraphProperties Outline(int level) => new() { KeepNext = new KeepNext(), OutlineLevel = new OutlineLevel { Val = level } };
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, StyleParagraphProperties? paragraph, StyleRunProperties? run, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, StyleName = new StyleName { Val = name }, PrimaryStyle = new PrimaryStyle() };
        if (isDefault) style.Default = true;
        if (basedOn is not null) style.BasedOn = new BasedOn { Val = basedOn };
        if (paragraph is not null) style.StyleParagraphProperties = paragraph;
        if (run is not null) style.StyleRunProperties = run;
        return style;
    }

    private static Style CharacterStyle(string id, string name, StyleRunProperties run) =>
        new() { Type = StyleValues.Character, StyleId = id, StyleName = new StyleName { Val = name }, StyleRunProperties = run };

    private static class Namespace
    {
        public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    }
}
