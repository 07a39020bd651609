using System.Globalization;
using System.Text;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// Reads a 法治政府建设工作计划 as plain text into a <see cref="ParsedPlan"/>. It never throws:
/// whatever it cannot place becomes an <see cref="ImportWarning"/> the office can act on.
/// </summary>
/// <remarks>
/// A document is read from both ends: the <see cref="Signature"/> at the bottom, the <see cref="FrontMatter"/>
/// down to the first numbered heading, and the numbered body in between (<see cref="PlanBodyReader"/>).
/// </remarks>
public static class PlanDocumentParser
{
    private const string DefaultTitleTail = "法治政府建设工作计划";

    /// <summary>A plan is a few pages (the 2023 plan is 15 KB); whoever reads a document reads no more than this.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    public const string NotTextMessage = "文件不是纯文本（可能是 Word、PDF 或图片文件），请在 Word 中“另存为”纯文本（.txt）后再导入。";

    public static ParsedPlan Parse(byte[]? bytes) => Parse(bytes.AsSpan());

    public static ParsedPlan Parse(ReadOnlySpan<byte> bytes) =>
        PlanTextDecoder.TryDecode(bytes, out var text) ? Parse(text) : Unreadable(NotTextMessage);

    public static ParsedPlan Parse(string? text)
    {
        try
        {
            return Read(SplitLines(Normalize(text ?? "")));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Uploads come from anywhere; a parser bug must reach the clerk as a message, not as an error page.
            return Unreadable("文件解析时发生内部错误，请将该文件反馈给系统管理员。");
        }
    }

    private static ParsedPlan Read(List<SourceLine> lines)
    {
        var warnings = new ImportWarnings();
        if (lines.Count == 0)
        {
            warnings.Add(null, "文件内容为空，未识别到任何计划内容。");
            return Assemble(new FrontMatter(null, null, ""), new Signature(null, null), PlanBody.None, warnings, hasText: false);
        }

        var (signature, end) = Signature.ReadAtEnd(lines);
        var firstHeading = lines.FindIndex(0, end, l => PlanPatterns.TopHeading().IsMatch(l.Text) || PlanPatterns.SubHeading().IsMatch(l.Text));
        if (firstHeading < 0)
        {
            warnings.Add(null, "未找到“一、”“（一）”等编号标题，无法识别计划结构，全文已作为前言保留。");
            return Assemble(FrontMatter.Read(lines, end), signature, PlanBody.None, warnings, hasText: true);
        }
        var front = FrontMatter.Read(lines, firstHeading);
        var body = new PlanBodyReader(lines, warnings).Read(firstHeading, end);
        return Assemble(front, signature, body, warnings, hasText: true);
    }

    /// <summary>The parts put together; what is missing is filled in where it can be (cover signature, title) and warned about.</summary>
    private static ParsedPlan Assemble(FrontMatter front, Signature signature, PlanBody body, ImportWarnings warnings, bool hasText)
    {
        // A plan sent out under a cover notice may be signed only there.
        var organ = signature.Organ ?? front.Cover?.Organ;
        var date = signature.Date ?? front.Cover?.Date;
        var year = YearIn(front.Title) ?? date?.Year ?? YearIn(front.Preamble);
        if (hasText)
        {
            if (organ is null) warnings.Add(null, "未找到落款的发文机关，请手工填写。");
            if (date is null) warnings.Add(null, "未找到落款的成文日期（如“2023年4月25日”），请手工填写。");
            if (year is null) warnings.Add(null, "未能确定计划年度，请手工填写。");
            if (body.Areas.Count == 0) warnings.Add(null, "未识别到任何重点工作，请检查文件格式（重点工作应以“（一）”或“一、”等编号开头）。");
        }

        var title = front.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            title = $"{organ}{(year is null ? "" : $"{year}年")}{DefaultTitleTail}";
            warnings.Add(null, $"文件中没有计划标题，已自动生成标题“{title}”，请核对。");
        }

        return new ParsedPlan(title, year, organ, date, front.Preamble, body.GuidingIdeology, body.Leadership,
            body.Areas, body.Requirements, warnings.ToList());
    }

    private static int? YearIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var m = PlanPatterns.YearMention().Match(text);
        return m.Success ? int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    private static ParsedPlan Unreadable(string message) =>
        new("", null, null, null, "", "", "", [], [], [new ImportWarning(null, message)]);

    /// <summary>
    /// Full-width brackets, colon, percent, dot, digits and spaces become ASCII so every later
    /// rule has one spelling to match; commas are left alone as they carry no structure.
    /// </summary>
    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                '：' => ':',
                '％' or '﹪' => '%',
                '．' => '.',
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '\u3000' or '\t' or '\u00A0' => ' ',
                '\uFEFF' or '\0' => ' ',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Non-blank, trimmed lines with their 1-based line numbers; CRLF, LF and CR all end a line.</summary>
    internal static List<SourceLine> SplitLines(string text)
    {
        var lines = new List<SourceLine>();
        var number = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\r' && text[i] != '\n') continue;
            var line = text[start..i].Trim();
            if (line.Length > 0) lines.Add(new SourceLine(number, line));
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n') i++;
            start = i + 1;
            number++;
        }
        return lines;
    }
}
