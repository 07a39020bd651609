namespace RuleOfLawPlan.Domain.Tests.Text;

public sealed class OfficialPunctuationTests
{
    [Theory]
    [InlineData("全年办理案件120件,结案率100%.", "全年办理案件120件，结案率100%。")]
    [InlineData("主要做法:一是强化培训;二是完善制度!", "主要做法：一是强化培训；二是完善制度！")]
    [InlineData("是否达标?", "是否达标？")]
    [InlineData("(一)严格规范公正文明执法", "（一）严格规范公正文明执法")]
    [InlineData("(2023年)印发", "（2023年）印发")]
    [InlineData("开展\"门前三包\"专项整治", "开展“门前三包”专项整治")]
    [InlineData("满意度 92.3%,目标≥90%,达标", "满意度 92.3%，目标≥90%，达标")]
    public void Punctuation_typed_among_chinese_becomes_full_width(string typed, string printed) =>
        OfficialPunctuation.FullWidth(typed).ShouldBe(printed);

    [Theory]
    [InlineData("罚款1,000元")]
    [InlineData("于12:30召开")]
    [InlineData("满意度92.3%")]
    [InlineData("1.持续推进行政执法三项制度")]
    [InlineData("2023.1.15印发")]
    [InlineData("依照GB/T 9704-2012排版")]
    [InlineData("Hello, world: (see note).")]
    [InlineData("《行政处罚法》a < b & c 😀")]
    public void Figures_dates_latin_text_and_full_width_text_are_kept(string text) =>
        OfficialPunctuation.FullWidth(text).ShouldBe(text);

    [Fact]
    public void A_bracket_pair_is_converted_together_or_not_at_all()
    {
        OfficialPunctuation.FullWidth("(2023)年度").ShouldBe("（2023）年度");
        OfficialPunctuation.FullWidth("依据 (GB/T 9704) 排版").ShouldBe("依据 (GB/T 9704) 排版");
    }
}
