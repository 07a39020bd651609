using System.Text;
using RuleOfLawPlan.Domain.Import;

namespace RuleOfLawPlan.Domain.Tests.Import;

/// <summary>A Word file, a PDF or an image uploaded instead of text is named as such, not parsed into garbage.</summary>
public sealed class NotTextTests
{
    [Fact]
    public void A_zip_container_such_as_a_docx_is_not_text()
    {
        var bytes = new byte[2048];
        new Random(11).NextBytes(bytes);
        byte[] docx = [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0, .. bytes];

        PlanTextDecoder.TryDecode(docx, out _).ShouldBeFalse();
        var plan = PlanDocumentParser.Parse(docx);
        plan.Areas.ShouldBeEmpty();
        plan.Warnings.ShouldHaveSingleItem().Message.ShouldBe(PlanDocumentParser.NotTextMessage);
    }

    [Fact]
    public void The_plan_in_every_supported_encoding_is_text()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = PlanFixtures.Plan2023Text();

        PlanTextDecoder.TryDecode(PlanFixtures.Plan2023Bytes(), out var utf8).ShouldBeTrue();
        utf8.ShouldBe(text);
        PlanTextDecoder.TryDecode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], out _).ShouldBeTrue();
        PlanTextDecoder.TryDecode(Encoding.GetEncoding(54936).GetBytes(text), out _).ShouldBeTrue();
    }

    [Fact]
    public void Page_breaks_and_line_breaks_that_word_leaves_in_text_are_still_text()
    {
        var text = "一、重点工作\f(一)加强学习\v1.组织培训。\r\n" + new string('学', 200);

        PlanTextDecoder.TryDecode(Encoding.UTF8.GetBytes(text), out var decoded).ShouldBeTrue();
        decoded.ShouldBe(text);
    }
}
