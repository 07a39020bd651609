using RuleOfLawPlan.Domain;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>
/// What the Word export needs from an annual report (法治政府建设年度报告), and nothing else: the report pages map their
/// revision to this, and the .docx writer renders it. Text is as the office typed it; the writer makes punctuation
/// full-width and escapes nothing by hand (OpenXml does).
/// </summary>
/// <param name="Title">The title, e.g. "日喀则市城市管理和综合执法局2023年度法治政府建设工作情况报告".</param>
/// <param name="Organ">The issuing organ, printed with <paramref name="Date"/> at the end.</param>
/// <param name="Date">The date of issue, printed in Chinese (2024年1月15日).</param>
/// <param name="Parts">The five statutory parts, in order.</param>
public sealed record ReportDocument(string Title, string Organ, DateOnly Date, IReadOnlyList<ReportDocumentPart> Parts)
{
    /// <summary>
    /// The document as it prints, in Word and in the browser alike: the text normalized (decision 011: no control
    /// characters, LF line breaks, no empty paragraphs) and its punctuation full-width as official documents use
    /// (<see cref="OfficialPunctuation"/>), whatever the stored text holds.
    /// </summary>
    public ReportDocument AsPrinted() => new(
        Printed(Title),
        TextNormalizer.Normalize(Organ, multiline: true),
        Date,
        [.. Parts.Select(part => new ReportDocumentPart(Printed(part.Heading), PrintedLines(part.Text)))]);

    private static string Printed(string text) => OfficialPunctuation.FullWidth(TextNormalizer.Normalize(text, multiline: true));

    private static string PrintedLines(string text) => string.Join('\n',
        TextNormalizer.Normalize(text, multiline: true).Split('\n')
            .Select(line => OfficialPunctuation.FullWidth(line.Trim()))
            .Where(line => line.Length > 0));
}

/// <param name="Heading">The part's level-1 heading as printed, e.g. "一、主要举措和成效".</param>
/// <param name="Text">
/// Plain text; paragraphs are separated by line breaks. A paragraph that starts with "（一）" is a level-2 heading and one
/// that starts with "1." or "1．" a level-3 heading (when such a heading is followed by a sentence on the same line,
/// only the words up to the first "。" are the heading).
/// </param>
public sealed record ReportDocumentPart(string Heading, string Text);
