using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Tests.Plans;

namespace RuleOfLawPlan.Domain.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("\u200b")]
    [InlineData("\u200b\u200c\u200d\u2060\ufeff")]
    [InlineData("\u202e")]
    [InlineData("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069")]
    [InlineData("\u0001\u001f\u007f")]
    [InlineData("\u0085\u009f")]
    [InlineData(" \u3000\u00a0 ")]
    [InlineData("\u3164\u115f\u2800\u00ad")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_shows_nothing_is_empty(string? value)
    {
        TextNormalizer.Normalize(value).ShouldBe("");
        TextNormalizer.Normalize(value, multiline: true).ShouldBe("");
        TextNormalizer.IsBlank(value).ShouldBeTrue();
    }

    [Theory]
    [InlineData("综合执法科\u200b", "综合执法科")]
    [InlineData("\u200b综合\u200d执法科", "综合执法科")]
    [InlineData("综合执法科\u0001\u001f\u007f", "综合执法科")]
    [InlineData("　综合执法科 ", "综合执法科")]
    [InlineData("abc\u202edef", "abcdef")]
    [InlineData("e\u0301", "\u00e9")]
    [InlineData("\ufa10", "\u585a")]
    [InlineData("𠀀字", "𠀀字")]
    public void Look_alikes_become_the_same_string(string value, string expected) =>
        TextNormalizer.Normalize(value).ShouldBe(expected);

    [Fact]
    public void Unpaired_surrogates_are_not_text()
    {
        TextNormalizer.Normalize("张\ud800三\udc00").ShouldBe("张三");
        TextNormalizer.Normalize("\ud800").ShouldBe("");
    }

    [Fact]
    public void A_single_line_text_turns_line_breaks_and_tabs_into_spaces()
    {
        TextNormalizer.Normalize("综合\r\n执法\t科\n").ShouldBe("综合 执法 科");
    }

    [Fact]
    public void A_multi_line_text_keeps_its_lines_with_unix_line_breaks()
    {
        TextNormalizer.Normalize("一、完成评查\r\n\t二、开展培训\r三、\u200b总结\n", multiline: true)
            .ShouldBe("一、完成评查\n\t二、开展培训\n三、总结");
    }

    [Fact]
    public void Text_without_anything_to_remove_is_returned_as_it_is()
    {
        const string text = "2023年度法治政府建设工作计划（试行）：完成率≥95%";
        TextNormalizer.Normalize(text).ShouldBe(text);
    }

    [Fact]
    public void Entities_store_normalized_text()
    {
        var section = new Section(1, "综合执法科\u200b\u202e", SectionKind.Section, 10);
        var (_, task) = TestPlans.ActiveWithTask();

        task.Assign(TestPlans.Lead, [], "\u200b", null, "\u0001\r\n完成\u200b评查\r\n");
        var update = task.RecordProgress(TestPlans.Lead, new DateOnly(2023, 6, 28), 10, "第一步\r\n第二步\u202e", "科长\u200b", TestPlans.Now);

        section.Name.ShouldBe("综合执法科");
        task.ResponsibleLeader.ShouldBeNull();
        task.ExpectedOutcome.ShouldBe("完成评查");
        update.Summary.ShouldBe("第一步\n第二步");
        update.RecordedBy.ShouldBe("科长");
    }

    [Fact]
    public void An_entity_refuses_required_text_that_shows_nothing_in_chinese()
    {
        var (_, task) = TestPlans.ActiveWithTask();

        Should.Throw<DomainException>(() => new Section(1, "\u200b\u202e", SectionKind.Section, 10)).Message.ShouldBe("科室名称不能为空");
        Should.Throw<DomainException>(() => task.AddInstruction("\u202e\u0001", "局长", TestPlans.Now)).Message.ShouldBe("批示内容不能为空");
        Should.Throw<DomainException>(() => task.RecordProgress(TestPlans.Lead, new DateOnly(2023, 6, 28), 10, "\u200b", "科长", TestPlans.Now))
            .Message.ShouldBe("工作进展不能为空");
    }
}
