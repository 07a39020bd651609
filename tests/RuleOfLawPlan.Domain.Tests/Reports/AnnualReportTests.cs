using RuleOfLawPlan.Domain.Reports;

namespace RuleOfLawPlan.Domain.Tests.Reports;

/// <summary>The annual report's workflow (草稿 → 送审 → 领导审定 → 保密审查 → 已公开), its revisions and drafting.</summary>
public sealed class AnnualReportTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 10, 2, 0, 0, TimeSpan.Zero);

    private static AnnualReport Filled()
    {
        var report = new AnnualReport(1, 2023, "2023年度法治政府建设工作情况报告");
        foreach (var part in ReportParts.Numbers) report.EditPart(part, $"第{part}部分的内容", "办公室", Now);
        return report;
    }

    private static IReadOnlyList<DraftedPart> Draft(string marker) =>
        [.. ReportParts.Numbers.Select(n => new DraftedPart(n, [new DraftParagraph($"{marker}{n}", $"来源{n}", 7)]))];

    [Fact]
    public void The_five_parts_come_in_their_statutory_order()
    {
        var report = new AnnualReport(1, 2023, "报告");

        report.Current.Parts.Select(p => ReportParts.Heading(p.Number)).ShouldBe(
        [
            "一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、下一年度主要安排", "五、其他需要报告的情况",
        ]);
        report.Status.ShouldBe(ReportStatus.Draft);
    }

    [Fact]
    public void A_report_goes_from_draft_to_published_and_every_step_is_in_its_history()
    {
        var report = Filled();

        report.Submit("办公室", Now, null);
        report.Return("局长", "第二部分要写原因", Now.AddHours(1));
        report.Status.ShouldBe(ReportStatus.Draft);
        report.EditPart(2, "补充了原因", "办公室", Now.AddHours(2));
        report.Submit("办公室", Now.AddHours(3), "已按意见修改");
        report.Approve("局长", Now.AddHours(4), null);
        report.ConfirmSecrecyReview("办公室主任", Now.AddHours(5), null);
        report.Publish(new DateOnly(2024, 3, 20), "本局门户网站", "办公室", Now.AddHours(6));

        var revision = report.Current;
        revision.Status.ShouldBe(ReportStatus.Published);
        (revision.ApprovedBy, revision.ApprovedAt).ShouldBe(("局长", Now.AddHours(4)));
        (revision.SecrecyReviewedBy, revision.SecrecyReviewedAt).ShouldBe(("办公室主任", Now.AddHours(5)));
        (revision.PublishedOn, revision.PublishedChannel).ShouldBe((new DateOnly(2024, 3, 20), "本局门户网站"));
        report.Steps.Select(s => s.Kind).ShouldBe([ReportStepKind.Submitted, ReportStepKind.Returned, ReportStepKind.Submitted,
            ReportStepKind.Approved, ReportStepKind.SecrecyReviewed, ReportStepKind.Published]);
        report.Steps[1].Comment.ShouldBe("第二部分要写原因");
    }

    [Fact]
    public void A_report_with_an_empty_part_cannot_be_sent()
    {
        var report = new AnnualReport(1, 2023, "报告");
        foreach (var part in new[] { 1, 3, 4, 5 }) report.EditPart(part, "内容", "办公室", Now);

        Should.Throw<DomainException>(() => report.Submit("办公室", Now, null)).Message.ShouldBe("“二、存在的不足和原因”尚未填写，不能送审");
        report.Status.ShouldBe(ReportStatus.Draft);
        report.Steps.ShouldBeEmpty();
    }

    [Fact]
    public void Steps_out_of_order_are_refused_with_a_reason()
    {
        var report = Filled();

        Should.Throw<DomainException>(() => report.Approve("局长", Now, null)).Message.ShouldBe("只有已送审的报告可以审定");
        Should.Throw<DomainException>(() => report.Return("局长", "意见", Now)).Message.ShouldBe("只有已送审的报告可以退回");
        Should.Throw<DomainException>(() => report.ConfirmSecrecyReview("办公室", Now, null)).Message.ShouldBe("报告须经领导审定后才能进行保密审查");
        Should.Throw<DomainException>(() => report.Publish(new DateOnly(2024, 3, 1), "网站", "办公室", Now)).Message.ShouldBe("报告须通过保密审查后才能公开");
        report.Submit("办公室", Now, null);
        Should.Throw<DomainException>(() => report.Submit("办公室", Now, null)).Message.ShouldBe("只有草稿状态的报告可以送审");
        Should.Throw<DomainException>(() => report.Return("局长", "  ", Now)).Message.ShouldBe("请填写退回意见");
        Should.Throw<DomainException>(() => report.EditPart(1, "改一下", "办公室", Now)).Message.ShouldBe("报告已送审，领导审定或退回之前不能修改");
        report.Status.ShouldBe(ReportStatus.Submitted);
        report.Current.Part(1).Text.ShouldBe("第1部分的内容");
    }

    [Fact]
    public void A_report_is_published_only_after_its_year()
    {
        var report = Filled();
        report.Submit("办公室", Now, null);
        report.Approve("局长", Now, null);
        report.ConfirmSecrecyReview("办公室", Now, null);

        Should.Throw<DomainException>(() => report.Publish(new DateOnly(2023, 12, 31), "网站", "办公室", Now)).Message.ShouldBe("公开日期须在2023年度结束之后");
        Should.Throw<DomainException>(() => report.Publish(new DateOnly(2024, 3, 1), " ", "办公室", Now)).Message.ShouldBe("公开渠道不能为空");
        report.Status.ShouldBe(ReportStatus.SecrecyReviewed);
    }

    [Fact]
    public void A_change_after_approval_starts_a_new_revision_and_the_approved_one_stays_as_it_was()
    {
        var report = Filled();
        report.Submit("办公室", Now, null);
        report.Approve("局长", Now, null);

        report.EditPart(4, "新的安排", "办公室", Now.AddDays(1));

        report.Revisions.Count.ShouldBe(2);
        var approved = report.Revisions[0];
        approved.Status.ShouldBe(ReportStatus.Approved);
        approved.Part(4).Text.ShouldBe("第4部分的内容");
        report.Current.Number.ShouldBe(2);
        report.Current.Status.ShouldBe(ReportStatus.Draft);
        report.Current.Part(4).Text.ShouldBe("新的安排");
        report.Current.Part(1).Text.ShouldBe("第1部分的内容");
        report.Steps[^1].Kind.ShouldBe(ReportStepKind.RevisionStarted);
    }

    [Fact]
    public void Saving_a_part_unchanged_after_approval_starts_no_revision()
    {
        var report = Filled();
        report.Submit("办公室", Now, null);
        report.Approve("局长", Now, null);

        report.EditPart(4, "第4部分的内容", "办公室", Now);

        report.Revisions.Count.ShouldBe(1);
    }

    [Fact]
    public void Drafting_again_keeps_a_part_the_office_edited_unless_the_office_says_replace_it()
    {
        var report = new AnnualReport(1, 2023, "报告");
        report.ApplyDraft(Draft("初稿"), [], "办公室", Now).ShouldBeEmpty();
        report.EditPart(2, "办公室写的不足", "办公室", Now);

        report.EditedPartsDifferingFrom(Draft("二稿")).ShouldBe([2]);
        report.ApplyDraft(Draft("二稿"), [], "办公室", Now).ShouldBe([2]);
        report.Current.Part(1).Text.ShouldBe("二稿1");
        report.Current.Part(2).Text.ShouldBe("办公室写的不足");

        report.ApplyDraft(Draft("三稿"), [2], "办公室", Now).ShouldBeEmpty();
        report.Current.Part(2).Text.ShouldBe("三稿2");
        report.Current.Part(2).IsEditedByOffice.ShouldBeFalse();
    }

    [Fact]
    public void A_drafted_paragraph_keeps_its_source()
    {
        var report = new AnnualReport(1, 2023, "报告");
        var draft = Draft("稿").ToList();
        draft[0] = new DraftedPart(1, [new DraftParagraph("（一）标题", ""), new DraftParagraph("正文", "进展 #5：综合执法科\t报送", 12)]);

        report.ApplyDraft(draft, [], "办公室", Now);

        report.Current.Part(1).DraftParagraphs.ShouldBe([new DraftParagraph("（一）标题", "", null), new DraftParagraph("正文", "进展 #5：综合执法科 报送", 12)]);
    }
}
