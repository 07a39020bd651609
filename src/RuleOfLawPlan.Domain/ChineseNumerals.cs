namespace RuleOfLawPlan.Domain;

/// <summary>Chinese numerals as they appear in headings (一…九十九) and dates (二〇二三, 二十五).</summary>
public static class ChineseNumerals
{
    /// <summary>1 → 一, 10 → 十, 25 → 二十五 (1 to 99), as headings number their items.</summary>
    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        if (value < 10) return Digits[value].ToString();
        var tens = value / 10;
        var ones = value % 10;
        var prefix = tens == 1 ? "十" : $"{Digits[tens]}十";
        return ones == 0 ? prefix : $"{prefix}{Digits[ones]}";
    }

    private const string Digits = "〇一二三四五六七八九";

    private static int Digit(char c) => c is '零' or '○' ? 0 : Digits.IndexOf(c);

    /// <summary>一 → 1, 十 → 10, 十二 → 12, 二十五 → 25; null for anything else.</summary>
    public static int? ParseSmall(string s)
    {
        if (s.Length == 0) return null;
        if (int.TryParse(s, out var arabic)) return arabic;
        var ten = s.IndexOf('十');
        if (ten < 0) return s.Length == 1 && Digit(s[0]) > 0 ? Digit(s[0]) : null;
        if (s.LastIndexOf('十') != ten) return null;
        var tens = ten == 0 ? 1 : ten == 1 && Digit(s[0]) > 0 ? Digit(s[0]) : -1;
        var units = ten == s.Length - 1 ? 0 : ten == s.Length - 2 && Digit(s[^1]) > 0 ? Digit(s[^1]) : -1;
        return tens < 0 || units < 0 ? null : tens * 10 + units;
    }

    /// <summary>Digit by digit, as years are written: 二〇二三 → 2023.</summary>
    public static int? ParseDigits(string s)
    {
        if (int.TryParse(s, out var arabic)) return arabic;
        var value = 0;
        foreach (var c in s)
        {
            var d = Digit(c);
            if (d < 0) return null;
            value = value * 10 + d;
        }
        return s.Length == 0 ? null : value;
    }
}
