using System.Text;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.TestSupport;

namespace RuleOfLawPlan.Domain.Tests.Plans;

/// <summary>佐证材料 are told by their content, and their name must say the same.</summary>
public sealed class EvidenceFormatsTests
{
    public static TheoryData<string, byte[], EvidenceKind> Genuine => new()
    {
        { "工作方案.pdf", EvidenceSamples.Pdf(), EvidenceKind.Pdf },
        { "现场照片.JPG", EvidenceSamples.Jpeg(), EvidenceKind.Jpeg },
        { "现场照片.jpeg", EvidenceSamples.Jpeg(), EvidenceKind.Jpeg },
        { "截图.png", EvidenceSamples.Png(), EvidenceKind.Png },
        { "电子公文.ofd", EvidenceSamples.Ofd(), EvidenceKind.Ofd },
        { "总结.docx", EvidenceSamples.Docx(), EvidenceKind.Docx },
        { "台账.xlsx", EvidenceSamples.Xlsx(), EvidenceKind.Xlsx },
        { "通知.doc", EvidenceSamples.Doc(), EvidenceKind.Doc },
        { "统计表.xls", EvidenceSamples.Xls(), EvidenceKind.Xls },
    };

    [Theory]
    [MemberData(nameof(Genuine))]
    public void A_file_whose_content_is_what_its_name_says_is_accepted_as_that_kind(string name, byte[] content, EvidenceKind kind)
    {
        EvidenceFormats.Check(name, new MemoryStream(content)).ShouldBe(kind);
    }

    public static TheoryData<string, byte[]> Disguised => new()
    {
        { "工作方案.pdf", EvidenceSamples.Exe() },
        { "总结.docx", EvidenceSamples.Xlsx() },
        { "台账.xlsx", EvidenceSamples.Docx() },
        { "总结.docx", EvidenceSamples.PlainZip() },
        { "电子公文.ofd", EvidenceSamples.Docx() },
        { "通知.doc", EvidenceSamples.Xls() },
        { "统计表.xls", EvidenceSamples.Doc() },
        { "照片.png", EvidenceSamples.Jpeg() },
        { "照片.jpg", EvidenceSamples.Pdf() },
        { "说明.pdf", Encoding.UTF8.GetBytes("这不是PDF") },
        { "损坏.docx", [.. "PK\u0003\u0004"u8, .. new byte[100]] },
        { "损坏.doc", [.. EvidenceSamples.Doc().Take(600)] },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public void A_file_whose_content_is_not_what_its_name_says_is_refused_with_its_name(string name, byte[] content)
    {
        var refused = Should.Throw<DomainException>(() => EvidenceFormats.Check(name, new MemoryStream(content)));

        refused.Message.ShouldBe($"“{name}”的内容与文件类型不符，请上传真实的{ExpectedName(name)}文件");
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("报告.txt")]
    [InlineData("没有扩展名")]
    [InlineData("压缩包.zip")]
    public void A_name_of_no_accepted_kind_is_refused_whatever_its_content(string name)
    {
        var refused = Should.Throw<DomainException>(() => EvidenceFormats.Check(name, new MemoryStream(EvidenceSamples.Pdf())));

        refused.Message.ShouldBe($"“{name}”不是可以上传的文件类型，请上传PDF、Word、Excel、JPG、PNG或OFD文件");
    }

    [Fact]
    public void A_compound_file_whose_directory_chain_loops_is_not_a_document()
    {
        var doc = EvidenceSamples.Doc();
        // The directory sector's FAT entry points back at itself.
        BitConverter.GetBytes(1u).CopyTo(doc, 512 + 4);

        EvidenceFormats.Detect(new MemoryStream(doc)).ShouldBeNull();
    }

    [Fact]
    public void The_accept_list_names_every_extension_the_check_accepts()
    {
        EvidenceFormats.AcceptList.ShouldBe(".pdf,.jpg,.jpeg,.png,.ofd,.docx,.xlsx,.doc,.xls");
    }

    private static string ExpectedName(string name) => Path.GetExtension(name) switch
    {
        ".pdf" => "PDF",
        ".jpg" => "JPG",
        ".png" => "PNG",
        ".ofd" => "OFD",
        ".docx" or ".doc" => "Word",
        _ => "Excel",
    };
}
