using System.Text;
using System.Text.RegularExpressions;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// Reads a 法治政府建设工作计划 as plain text into a <see cref="ParsedPlan"/>. It never throws:
/// whatever it cannot place becomes an <see cref="ImportWarning"/> the office can act on.
/// </summary>
public static class PlanDocumentParser
{
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
            return new PlanBuilder(SplitLines(Normalize(text ?? ""))).Build();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Uploads come from anywhere; a parser bug must reach the clerk as a message, not as an error page.
            return Unreadable("文件解析时发生内部错误，请将该文件反馈给系统管理员。");
        }
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

internal readonly record struct SourceLine(int Number, string Text);
