using System.Text;

namespace RuleOfLawPlan.Domain.Import;

/// <summary>
/// Turns an uploaded file into text. Offices save plans from Word as UTF-8 (often with BOM),
/// UTF-16 ("Unicode" in Notepad) or the Windows default GB18030/GBK, and never say which.
/// </summary>
public static class PlanTextDecoder
{
    private const int Gb18030CodePage = 54936;

    // Strict so that GBK bytes are detected as "not UTF-8" instead of silently becoming U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Gb18030CodePage);
    });

    /// <summary>More than this many characters in a hundred that no text file holds, and the bytes are not text.</summary>
    private const int MaxForeignPerHundred = 1;

    public static string Decode(byte[]? bytes) => bytes is null ? "" : Decode(bytes.AsSpan());

    /// <summary>
    /// Decodes the bytes and says whether they are text at all. Word, PDF, images and archives are not:
    /// they hold NUL bytes and decode into control characters or U+FFFD, which a plan saved as text never has.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        text = Decode(bytes);
        var foreign = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))) foreign++;
        }
        return foreign * 100 <= text.Length * MaxForeignPerHundred;
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return "";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes[3..]);      // lenient: the BOM already says UTF-8
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // GB18030 maps every byte sequence to something, so this cannot fail; TryDecode tells garbage from text.
            return Gb18030.Value.GetString(bytes);
        }
    }
}
