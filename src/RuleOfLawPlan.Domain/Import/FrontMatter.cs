namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// What comes before the numbered body: a cover notice the plan was sent out with (关于印发《…》的通知,
/// with a signature of its own), the plan's title, and the preamble (前言).
/// </summary>
internal sealed record FrontMatter(string? Title, Signature? Cover, string Preamble)
{
    /// <summary>Reads the lines before <paramref name="end"/>.</summary>
    public static FrontMatter Read(IReadOnlyList<SourceLine> lines, int end)
    {
        var (title, cover, index) = ReadCoverNotice(lines, end);

        // A title may be wrapped over up to three short lines (organ on one, "2023年…工作计划" on the next).
        for (var count = 1; count <= 3 && index + count <= end; count++)
        {
            if (!Signature.IsShortPlainLine(lines[index + count - 1].Text)) break;
            if (PlanPatterns.TitleEnding().IsMatch(lines[index + count - 1].Text))
            {
                title = string.Concat(Enumerable.Range(index, count).Select(i => lines[i].Text)).Trim('《', '》');
                index += count;
                break;
            }
        }

        return new FrontMatter(title, cover, string.Join("\n", Enumerable.Range(index, end - index).Select(i => lines[i].Text)));
    }

    /// <summary>The cover notice, if there is one: the title it names, its signature, and the index of the first line after it.</summary>
    private static (string? Title, Signature? Cover, int Next) ReadCoverNotice(IReadOnlyList<SourceLine> lines, int end)
    {
        var notice = FindIndex(lines, 0, end, l => PlanPatterns.CoverNotice().IsMatch(l.Text));
        if (notice < 0) return (null, null, 0);

        // The notice ends with its own date line (and the organ above it), if it has one.
        var coverEnd = FindLastIndex(lines, notice, end, l => Signature.TryDate(l.Text) is not null);
        Signature? cover = null;
        if (coverEnd < 0)
        {
            coverEnd = notice;
        }
        else
        {
            var organ = coverEnd - 1 > notice && Signature.IsShortPlainLine(lines[coverEnd - 1].Text) ? lines[coverEnd - 1].Text : null;
            cover = new Signature(organ, Signature.TryDate(lines[coverEnd].Text));
        }

        string? title = null;
        for (var i = 0; i <= coverEnd && title is null; i++)
        {
            var name = PlanPatterns.DocumentName().Match(lines[i].Text);
            if (name.Success && PlanPatterns.CoverNotice().IsMatch(lines[i].Text)) title = name.Groups["name"].Value.Trim();
        }

        var next = coverEnd + 1;
        if (next < end && lines[next].Text.TrimEnd(':') == "附件") next++;
        return (title, cover, next);
    }

    private static int FindIndex(IReadOnlyList<SourceLine> lines, int from, int end, Func<SourceLine, bool> match)
    {
        for (var i = from; i < end; i++) if (match(lines[i])) return i;
        return -1;
    }

    private static int FindLastIndex(IReadOnlyList<SourceLine> lines, int from, int end, Func<SourceLine, bool> match)
    {
        for (var i = end - 1; i >= from; i--) if (match(lines[i])) return i;
        return -1;
    }
}
