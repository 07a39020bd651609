using System.Globalization;
using System.Text;
using RuleOfLawPlan.Domain.Import;

namespace RuleOfLawPlan.Domain.Tests.Import;

/// <summary>Whatever is uploaded, the importer answers with a plan and warnings, never an exception.</summary>
public sealed class RobustnessTests
{
    private const string InternalError = "内部错误";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\r\n\u3000\t\n")]
    public void Empty_or_blank_text_gives_a_warning(string text)
    {
        var plan = PlanDocumentParser.Parse(text);

        plan.Areas.ShouldBeEmpty();
        plan.Warnings.ShouldNotBeEmpty();
        plan.Warnings.ShouldNotContain(w => w.Message.Contains(InternalError));
    }

    [Fact]
    public void Null_and_empty_bytes()
    {
        PlanDocumentParser.Parse((byte[]?)null).Warnings.ShouldNotBeEmpty();
        PlanDocumentParser.Parse(ReadOnlySpan<byte>.Empty).Warnings.ShouldNotBeEmpty();
        PlanDocumentParser.Parse((string?)null).Warnings.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 16)]
    [InlineData(3, 1_000)]
    [InlineData(4, 100_000)]
    public void Random_bytes(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);

        var plan = PlanDocumentParser.Parse(bytes);

        plan.Warnings.ShouldNotBeEmpty();
        plan.Warnings.ShouldNotContain(w => w.Message.Contains(InternalError));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Random_chinese_punctuation_soup(int seed)
    {
        // Structure characters in random order probe every branch of the line rules.
        const string alphabet = "一二三四五六七八九十、（）()1234567890.．:：%％，,。《》“”\"达到以上不少于的全覆盖双下降修改起草年月日局\n\r 　";
        var random = new Random(seed);
        var text = new string(Enumerable.Range(0, 200_000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

        var plan = PlanDocumentParser.Parse(text);

        plan.Warnings.ShouldNotContain(w => w.Message.Contains(InternalError));
    }

    [Fact]
    public void Document_without_headings_keeps_its_text_as_preamble()
    {
        var plan = PlanDocumentParser.Parse("今年要加强学习。\n要依法行政，满意度达90%以上。");

        plan.Areas.ShouldBeEmpty();
        plan.Preamble.ShouldBe("今年要加强学习。\n要依法行政，满意度达90%以上。");
        plan.Warnings.ShouldContain(w => w.Message.Contains("未找到"));
    }

    [Fact]
    public void One_megabyte_of_repeated_plan_text_parses_with_capped_warnings()
    {
        var sb = new StringBuilder();
        var plan2023 = PlanFixtures.Plan2023Text();
        while (sb.Length < 1_000_000) sb.Append(plan2023).Append('\n');

        var plan = PlanDocumentParser.Parse(sb.ToString());

        plan.Areas.Count.ShouldBeGreaterThan(9);
        plan.Warnings.Count.ShouldBeLessThanOrEqualTo(201);   // capped, the clerk cannot read thousands
    }

    [Fact]
    public void One_megabyte_single_line_without_structure_parses_with_a_warning()
    {
        var text = string.Concat(Enumerable.Repeat("深入推进依法行政,满意度达到90%", 60_000));

        var plan = PlanDocumentParser.Parse(text);

        plan.Warnings.ShouldNotBeEmpty();
    }

    [Fact]
    public void Decoder_falls_back_to_gb18030_only_for_invalid_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "一、指导思想（一）达９０％以上";
        PlanTextDecoder.Decode(Encoding.UTF8.GetBytes(text)).ShouldBe(text);
        PlanTextDecoder.Decode(Encoding.GetEncoding(54936).GetBytes(text)).ShouldBe(text);
        PlanTextDecoder.Decode(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray()).ShouldBe(text);
    }
}

public sealed class LargeTaskTests
{
    [Fact]
    public void One_megabyte_task_full_of_distinct_targets_keeps_every_target()
    {
        var sb = new StringBuilder("三、重点工作\n(一)考核\n1.落实考核。");
        for (var i = 0; sb.Length < 1_000_000; i++) sb.Append(CultureInfo.InvariantCulture, $"指标{i}达90%以上,制定《办法{i}》。");

        var plan = PlanDocumentParser.Parse(sb.ToString());

        var task = plan.AllTasks.ShouldHaveSingleItem();
        task.Kpis.Count.ShouldBeGreaterThan(10_000);
        task.Deliverables.Count.ShouldBe(task.Kpis.Count);
    }
}
