namespace RuleOfLawPlan.Domain;

/// <summary>一, 二 … 九十九 as used for headings in Chinese official documents.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

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
}
