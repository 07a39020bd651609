namespace RuleOfLawPlan.Domain;

/// <summary>
/// Chinese text as an official document prints it: the ASCII punctuation people type between Chinese words becomes
/// full-width (，；：？！。（）“”), while figures, dates and Latin text keep theirs (92.3%, 1,000, 12:30, 2023.1.15,
/// GB/T 9704-2012, "Hello, world"). The opposite of the importer's normalization (decision 006), which makes the same
/// marks ASCII so that its patterns have one spelling to match.
/// </summary>
public static class OfficialPunctuation
{
    /// <summary>One paragraph (or line) made full-width where it is Chinese; text with no Chinese is returned as is.</summary>
    public static string FullWidth(string text)
    {
        if (!text.Any(IsChinese)) return text;

        var chars = text.ToCharArray();
        var openBrackets = new Stack<int>();
        var openQuote = true;
        for (var i = 0; i < chars.Length; i++)
        {
            var before = Neighbour(chars, i, -1);
            var after = Neighbour(chars, i, +1);
            var nextToChinese = IsChinese(before) || IsChinese(after);
            switch (chars[i])
            {
                case ',' or ';' or ':' or '?' or '!' when nextToChinese && !(char.IsAsciiDigit(before) && char.IsAsciiDigit(after)):
                    chars[i] = (char)(chars[i] + 0xFEE0);
                    break;
                // A full stop only after Chinese or a percentage: "1." before a heading and "92.3" follow a digit.
                case '.' when (IsChinese(before) || before == '%') && !char.IsAsciiDigit(after):
                    chars[i] = '。';
                    break;
                case '(':
                    openBrackets.Push(i);
                    break;
                case ')' when openBrackets.Count > 0:
                    var open = openBrackets.Pop();
                    // A pair is Chinese when it holds Chinese or stands next to it: "(一)", "(2023年)", "在(试行)中".
                    if (Enumerable.Range(open + 1, i - open - 1).Any(k => IsChinese(chars[k]))
                        || IsChinese(Neighbour(chars, open, -1)) || IsChinese(after))
                    {
                        chars[open] = '（';
                        chars[i] = '）';
                    }
                    break;
                case '"':
                    chars[i] = openQuote ? '“' : '”';
                    openQuote = !openQuote;
                    break;
            }
        }
        return new string(chars);
    }

    private static char Neighbour(char[] chars, int index, int step)
    {
        var i = index + step;
        return i >= 0 && i < chars.Length ? chars[i] : '\0';
    }

    /// <summary>Han ideographs and the full-width punctuation and forms that sit among them.</summary>
    private static bool IsChinese(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F')
            or (>= '\uFF01' and <= '\uFF5E') or '“' or '”' or '‘' or '’' or '…' or '—';
}
