namespace RuleOfLawPlan.Domain;

internal static class Guard
{
    /// <summary>Required, trimmed text of bounded length.</summary>
    public static string Text(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainException($"{what}不能为空");
        if (trimmed.Length > maxLength) throw new DomainException($"{what}不能超过{maxLength}个字");
        return trimmed;
    }

    /// <summary>Optional text: empty becomes "", too long is refused.</summary>
    public static string OptionalText(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > maxLength) throw new DomainException($"{what}不能超过{maxLength}个字");
        return trimmed;
    }
}
