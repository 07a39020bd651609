using DocumentFormat.OpenXml.Wordprocessing;

namespace RuleOfLawPlan.Web.Pages.Reports;

public static partial class ReportDocxWriter
{
    /// <summary>
    /// The official fonts by the names GB/T 9704 and the bureau's Windows machines use, each with the hints a program
    /// needs when the font is missing (decision 023): an alternative name that Windows does ship (仿宋_GB2312 → 仿宋),
    /// the PANOSE class and the GB2312 character set, so Word and WPS substitute a face of the same kind and
    /// LibreOffice, which matches by family and character set, picks a Chinese serif rather than a sans.
    /// </summary>
    public static class Fonts
    {
        public sealed record Face(string Name, string AltName, string Panose, FontFamilyValues Family, FontPitchValues Pitch, string Charset = "86");

        public static readonly Face XiaoBiaoSong = new("方正小标宋简体", "宋体", "02000000000000000000", FontFamilyValues.Script, FontPitchValues.Variable);
        public static readonly Face FangSong = new("仿宋_GB2312", "仿宋", "02010609030101010101", FontFamilyValues.Modern, FontPitchValues.Fixed);
        public static readonly Face Kai = new("楷体_GB2312", "楷体", "02010609030101010101", FontFamilyValues.Modern, FontPitchValues.Fixed);
        public static readonly Face Hei = new("黑体", "SimHei", "02010609060101010101", FontFamilyValues.Modern, FontPitchValues.Fixed);
        public static readonly Face Song = new("宋体", "SimSun", "02010600030101010101", FontFamilyValues.Auto, FontPitchValues.Variable);
        public static readonly Face TimesNewRoman = new("Times New Roman", "Times", "02020603050405020304", FontFamilyValues.Roman, FontPitchValues.Variable, Charset: "00");

        public static IReadOnlyList<Face> All { get; } = [XiaoBiaoSong, FangSong, Kai, Hei, Song, TimesNewRoman];

        /// <summary>
        /// A run's fonts: the Chinese face for East Asian text and for the characters both scripts share (“” — …),
        /// which Word otherwise sets in the Latin face; figures and Latin letters in <paramref name="latin"/>, by default the same face.
        /// </summary>
        public static RunFonts Run(Face eastAsia, Face? latin = null) => new()
        {
            Hint = FontTypeHintValues.EastAsia,
            Ascii = (latin ?? eastAsia).Name,
            HighAnsi = (latin ?? eastAsia).Name,
            EastAsia = eastAsia.Name,
            ComplexScript = (latin ?? eastAsia).Name,
        };

        public static DocumentFormat.OpenXml.Wordprocessing.Fonts Table() => new(All.Select(face => new Font(
            new AltName { Val = face.AltName },
            new Panose1Number { Val = face.Panose },
            new FontCharSet { Val = face.Charset },
            new FontFamily { Val = face.Family },
            new Pitch { Val = face.Pitch })
        { Name = face.Name }));
    }

    /// <summary>The style ids the document uses (Word's built-in names where there is one, so its navigation pane shows the headings).</summary>
    public static class StyleIds
    {
        public const string Normal = "Normal";
        public const string Title = "Title";
        public const string Heading1 = "Heading1";
        public const string Heading2 = "Heading2";
        public const string Heading3 = "Heading3";
        public const string Lead2 = "Heading2Lead";
        public const string Lead3 = "Heading3Lead";
        public const string Signature = "Signature";
        public const string Footer = "Footer";
    }

    /// <summary>GB/T 9704-2012's page in Word's units: twips (1/20 pt) for lengths, half-points for font sizes.</summary>
    public static class Page
    {
        public const uint Width = 11906;
        public const uint Height = 16838;
        public static readonly uint Top = Mm(37);
        public static readonly uint Bottom = Mm(35);
        public static readonly uint Left = Mm(28);
        public static readonly uint Right = Mm(26);

        /// <summary>The page number's line starts 7 mm below the type area; the footer distance is to its bottom.</summary>
        public static readonly uint Footer = Mm(22);

        /// <summary>3号, 2号 and 4号 in half-points.</summary>
        public const string BodySize = "32";
        public const string TitleSize = "44";
        public const string PageNumberSize = "28";

        /// <summary>The fixed 28 pt line: 22 of them fill the 225 mm type area.</summary>
        public const int LinePitch = 560;

        /// <summary>
        /// Characters are set 1/4 pt closer (in twentieths of a point), so that 28 fill the 156 mm line (a 16 pt character
        /// would fit 27). Word's character grid (docGrid linesAndChars with charSpace) would do the same in Word, but
        /// LibreOffice lays such a grid out 19 characters to the line (decision 023).
        /// </summary>
        public static readonly int CharacterSpacing = (int)Math.Floor(((Width - Left - Right) / 20.0 / 28 - 16) * 20);

        public static uint Mm(double millimetres) => (uint)Math.Round(millimetres * 1440 / 25.4);

        public static SpacingBetweenLines FixedLines() =>
            new() { Before = "0", After = "0", Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact };
    }
}
