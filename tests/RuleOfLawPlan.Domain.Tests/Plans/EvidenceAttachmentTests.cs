using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Plans;

/// <summary>佐证材料 come with the update or reading they back, and are kept as uploaded.</summary>
public sealed class EvidenceAttachmentTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_file_attached_to_a_new_update_keeps_its_name_kind_size_and_hash()
    {
        var (_, task) = TestPlans.ActiveWithTask();
        var update = task.RecordProgress(TestPlans.Lead, new DateOnly(2023, 6, 25), 40, "开展执法检查", "科长", TestPlans.Now);

        var file = task.AttachEvidence(update, " 执法检查\u200b记录.pdf ", EvidenceKind.Pdf, 1234, Hash, "科长", TestPlans.Now);

        file.FileName.ShouldBe("执法检查记录.pdf");
        file.Kind.ShouldBe(EvidenceKind.Pdf);
        file.Length.ShouldBe(1234);
        file.Sha256.ShouldBe(Hash);
        file.ProgressUpdate.ShouldBeSameAs(update);
        file.KpiReading.ShouldBeNull();
        file.UploadedAt.Offset.ShouldBe(TimeSpan.Zero);
        task.Evidence.ShouldBe([file]);
    }

    [Fact]
    public void An_update_already_saved_takes_no_more_files()
    {
        var (_, task) = TestPlans.ActiveWithTask();
        var update = task.Report(TestPlans.Lead, new DateOnly(2023, 6, 25), 40);

        Should.Throw<DomainException>(() => task.AttachEvidence(update, "补充.pdf", EvidenceKind.Pdf, 10, Hash, "科长", TestPlans.Now))
            .Message.ShouldBe("佐证材料须随进展一并提交；如需补充，请提交更正");
        task.Evidence.ShouldBeEmpty();
    }

    [Fact]
    public void An_update_of_another_task_is_refused()
    {
        var (_, task) = TestPlans.ActiveWithTask();
        var (_, other) = TestPlans.ActiveWithTask();
        var update = other.RecordProgress(TestPlans.Lead, new DateOnly(2023, 6, 25), 40, "开展执法检查", "科长", TestPlans.Now);

        Should.Throw<DomainException>(() => task.AttachEvidence(update, "记录.pdf", EvidenceKind.Pdf, 10, Hash, "科长", TestPlans.Now))
            .Message.ShouldBe("找不到该条进展");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var (_, task) = TestPlans.ActiveWithTask();
        var update = task.RecordProgress(TestPlans.Lead, new DateOnly(2023, 6, 25), 40, "开展执法检查", "科长", TestPlans.Now);

        Should.Throw<DomainException>(() => task.AttachEvidence(update, "空.pdf", EvidenceKind.Pdf, 0, Hash, "科长", TestPlans.Now))
            .Message.ShouldBe("不能上传空文件");
    }

    [Fact]
    public void A_file_attached_to_a_new_kpi_reading_backs_that_reading()
    {
        var (_, task) = TestPlans.ActiveWithTask();
        task.AddKpi("执法满意度", "满意度达90%以上", KpiComparator.AtLeast, 90, "%", KpiKind.Percentage);
        TestPlans.Save(task);
        var reading = task.RecordKpiReading(task.Kpis[0].Id, new DateOnly(2023, 6, 30), 92, null, null, null, null, "满意度调查", "科长", TestPlans.Now);

        var file = task.AttachEvidence(reading, "调查报告.docx", EvidenceKind.Docx, 2048, Hash, "科长", TestPlans.Now);

        file.KpiReading.ShouldBeSameAs(reading);
        file.ProgressUpdate.ShouldBeNull();
    }
}
