using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace RuleOfLawPlan.Web.Localization;

/// <summary>
/// Messages (a rule an entity refused, a validator's complaint, a status after saving) are written in Chinese
/// where they arise and translated only where they are shown (decision 013). A message is its own resource key;
/// one that carries a value (用户名“li”已被使用) is found through a key with placeholders (用户名“{0}”已被使用).
/// </summary>
public static partial class Messages
{
    /// <summary>
    /// <paramref name="text"/> in the user's language: the English of its key, or of the key with placeholders that
    /// it fills (each value translated the same way, such as a field's name or "15分钟"), or of each of several
    /// messages joined with "；"; else the text as written.
    /// </summary>
    public static string Message(this IStringLocalizer localizer, string text)
    {
        if (string.IsNullOrEmpty(text) || IsWrittenIn(CultureInfo.CurrentUICulture)) return text;
        var exact = localizer[text];
        if (!exact.ResourceNotFound) return exact.Value;

        LocalizedString? best = null;
        GroupCollection? values = null;
        foreach (var candidate in localizer.GetAllStrings(includeParentCultures: true))
        {
            if (!candidate.Name.Contains("{0}", StringComparison.Ordinal) || FixedLength(candidate.Name) == 0) continue;
            if (best is not null && FixedLength(candidate.Name) <= FixedLength(best.Name)) continue;
            var match = PatternOf(candidate.Name).Match(text);
            if (!match.Success) continue;
            best = candidate;
            values = match.Groups;
        }
        if (best is null || values is null) return JoinedParts(localizer, text);

        var arguments = Enumerable.Range(0, Placeholders(best.Name))
            .Select(i => values[$"p{i}"] is { Success: true } value ? (object)localizer.Message(value.Value) : "")
            .ToArray();
        return string.Format(CultureInfo.CurrentCulture, best.Value, arguments);
    }

    /// <summary>Several messages joined with "；" (Identity's password rules) are translated one by one.</summary>
    private static string JoinedParts(IStringLocalizer localizer, string text)
    {
        var parts = text.Split('；');
        return parts.Length < 2 ? text : string.Join("; ", parts.Select(part => localizer.Message(part)));
    }

    /// <summary>The language the messages are written in needs no translation.</summary>
    private static bool IsWrittenIn(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    private static int FixedLength(string key) => Placeholder().Replace(key, "").Length;

    private static int Placeholders(string key) =>
        Placeholder().Matches(key).Select(m => int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    /// <summary>"用户名“{0}”已被使用" → ^用户名“(?&lt;p0&gt;.+?)”已被使用$.</summary>
    private static Regex PatternOf(string key)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(key))
        {
            pattern.Append(Regex.Escape(key[at..placeholder.Index]));
            var name = $"p{placeholder.Groups["index"].Value}";
            pattern.Append(pattern.ToString().Contains($"<{name}>", StringComparison.Ordinal) ? $@"\k<{name}>" : $"(?<{name}>.+?)");
            at = placeholder.Index + placeholder.Length;
        }
        pattern.Append(Regex.Escape(key[at..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\{(?<index>\d+)\}")]
    private static partial Regex Placeholder();
}
