namespace RuleOfLawPlan.Domain;

/// <summary>Every text an entity keeps passes through here, normalized by <see cref="TextNormalizer"/>.</summary>
internal static class Guard
{
    /// <summary>Required text of bounded length; blank once normalized is refused.</summary>
    public static string Text(string? value, int maxLength, string what, bool multiline = false)
    {
        var text = TextNormalizer.Normalize(value, multiline);
        if (text.Length == 0) throw new DomainException($"{what}不能为空");
        if (text.Length > maxLength) throw new DomainException($"{what}不能超过{maxLength}个字");
        return text;
    }

    /// <summary>Optional text: blank becomes "", too long is refused.</summary>
    public static string OptionalText(string? value, int maxLength, string what, bool multiline = false)
    {
        var text = TextNormalizer.Normalize(value, multiline);
        if (text.Length > maxLength) throw new DomainException($"{what}不能超过{maxLength}个字");
        return text;
    }

    /// <summary>Optional text stored as null when blank.</summary>
    public static string? NullableText(string? value, int maxLength, string what, bool multiline = false) =>
        OptionalText(value, maxLength, what, multiline) is { Length: > 0 } text ? text : null;
}
