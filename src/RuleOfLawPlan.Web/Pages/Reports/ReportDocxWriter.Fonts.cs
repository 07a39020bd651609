using DocumentFormat.OpenXml.Wordprocessing;

namespace RuleOfLawPlan.Web.Pages.Reports;

public static partial class ReportDocxWriter
{
    /// <summary>
    /// The official fonts by the names GB/T 9704 and the bureau's Windows machines use, each with the hints a program
    /// needs when the font is missing (decision 020): an alternative name that Windows does ship (仿宋_GB2312 → 仿宋),
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
}
