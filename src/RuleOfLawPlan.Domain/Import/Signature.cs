namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// The signature (落款) that closes a document: the issuing organ on one line, the date on the next.
/// A plan has one at its end; a cover notice sent with it has one of its own.
/// </summary>
internal sealed record Signature(string? Organ, DateOnly? Date)
{
    private const int MaxLineLength = 40;

    /// <summary>The signature at the end of the lines, and the index of its first line: where the text above it ends.</summary>
    public static (Signature Signature, int Start) ReadAtEnd(IReadOnlyList<SourceLine> lines)
    {
        var start = lines.Count;
        var date = start > 0 ? TryDate(lines[start - 1].Text) : null;
        if (date is not null) start--;
        string? organ = null;
        // Without a date below it, a short last line is taken for the organ only when it is named like one.
        if (start > 0 && IsShortPlainLine(lines[start - 1].Text) && (date is not null || EndsLikeOrgan(lines[start - 1].Text)))
        {
            organ = lines[start - 1].Text;
            start--;
        }
        return (new Signature(organ, date), start);
    }

    /// <summary>A line that is only a date: 2023年4月25日, 二〇二三年四月二十五日.</summary>
    public static DateOnly? TryDate(string text)
    {
        var m = PlanPatterns.DateLine().Match(text);
        if (!m.Success) return null;
        var year = ChineseNumerals.ParseDigits(m.Groups["y"].Value);
        var month = ChineseNumerals.ParseSmall(m.Groups["m"].Value);
        var day = ChineseNumerals.ParseSmall(m.Groups["d"].Value);
        if (year is not (>= 1900 and <= 2200) || month is not (>= 1 and <= 12) || day is null) return null;
        return day >= 1 && day <= DateTime.DaysInMonth(year.Value, month.Value) ? new DateOnly(year.Value, month.Value, day.Value) : null;
    }

    /// <summary>A short line with no sentence punctuation and no numbering: a title line or a signature.</summary>
    public static bool IsShortPlainLine(string text) =>
        text.Length <= MaxLineLength
        && text.IndexOfAny(['。', ',', '，', ';', '；', ':', '!', '！', '?', '？']) < 0
        && !PlanPatterns.TopHeading().IsMatch(text)
        && !PlanPatterns.SubHeading().IsMatch(text)
        && !PlanPatterns.DotItem().IsMatch(text)
        && !PlanPatterns.ParenItem().IsMatch(text);

    private static bool EndsLikeOrgan(string text) =>
        text.EndsWith('局') || text.EndsWith('委') || text.EndsWith("委员会", StringComparison.Ordinal) || text.EndsWith("政府", StringComparison.Ordinal)
        || text.EndsWith('厅') || text.EndsWith('办') || text.EndsWith("办公室", StringComparison.Ordinal) || text.EndsWith("中心", StringComparison.Ordinal);
}
