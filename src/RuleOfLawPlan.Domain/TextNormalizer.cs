using System.Globalization;
using System.Text;

namespace RuleOfLawPlan.Domain;

/// <summary>
/// The one rule for text that people type or import (docs/security.md, "Input normalization"): what is stored is
/// what a reader sees. Two names that look the same are the same string, and a value that shows nothing is empty.
/// <list type="bullet">
/// <item>Control characters go (C0, DEL, C1); a multi-line text keeps its line breaks (CR LF and CR become LF) and
/// tabs, a single-line text turns them into spaces.</item>
/// <item>Invisible characters go: every format character (Unicode category Cf — zero-width space and joiners,
/// word joiner, byte-order mark, soft hyphen, the bidirectional embeddings, overrides and isolates U+202A–U+202E and
/// U+2066–U+2069 that would reverse the text around them), and the letters that render blank (Hangul fillers,
/// combining grapheme joiner, Braille blank).</item>
/// <item>Unpaired surrogates go: they are not text.</item>
/// <item>Unicode NFC, so that a composed and a decomposed é (or a CJK compatibility ideograph and its unified
/// form) are one string; then leading and trailing white space is trimmed (full-width U+3000 included).</item>
/// </list>
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? value, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (!IsInvisible(char.ConvertToUtf32(c, value[i + 1]))) text.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (c == '\r')
            {
                if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                text.Append(multiline ? '\n' : ' ');
            }
            else if (c is '\n' or '\t')
            {
                text.Append(multiline ? c : ' ');
            }
            else if (!char.IsSurrogate(c) && !IsInvisible(c))
            {
                text.Append(c);
            }
        }

        var visible = text.ToString();
        if (!visible.IsNormalized(NormalizationForm.FormC)) visible = visible.Normalize(NormalizationForm.FormC);
        return visible.Trim();
    }

    /// <summary>Whether the text has anything a reader would see.</summary>
    public static bool IsBlank(string? value, bool multiline = false) => Normalize(value, multiline).Length == 0;

    private static bool IsInvisible(int codePoint) =>
        CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Control or UnicodeCategory.Format
        || codePoint is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFFA0;
}
