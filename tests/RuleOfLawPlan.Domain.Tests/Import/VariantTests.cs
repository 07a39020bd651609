using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Import;

/// <summary>How other organs write their plans.</summary>
public sealed class VariantTests
{
    [Fact]
    public void Areas_directly_under_top_level_headings_with_comma_numbered_tasks()
    {
        const string text = """
            某某县司法局2024年法治政府建设工作要点
            为推进法治政府建设，制定本要点。
            一、指导思想
            坚持以习近平法治思想为指导。
            二、加强党的领导
            1、深入学习贯彻习近平法治思想。组织专题学习。
            2、落实第一责任人职责。
            三、推进严格规范公正文明执法
            1、落实行政执法三项制度。重大执法决定法制审核全覆盖。
            四、保障措施
            （一）加强组织保障。各股室要高度重视。
            （二）加强督促检查。
            某某县司法局
            2024年3月1日
            """;
        var plan = PlanDocumentParser.Parse(text);

        plan.Title.ShouldBe("某某县司法局2024年法治政府建设工作要点");
        plan.Year.ShouldBe(2024);
        plan.Preamble.ShouldBe("为推进法治政府建设，制定本要点。");
        plan.GuidingIdeology.ShouldBe("坚持以习近平法治思想为指导。");
        plan.Areas.Select(a => (a.Ordinal, a.OrdinalText, a.Title)).ShouldBe([(1, "二、", "加强党的领导"), (2, "三、", "推进严格规范公正文明执法")]);
        plan.Areas[0].Tasks.Select(t => (t.Number, t.Title, t.Body)).ShouldBe([(1, "深入学习贯彻习近平法治思想", "组织专题学习。"), (2, "落实第一责任人职责", "")]);
        plan.Areas[1].Tasks.Single().Kpis.Single().Name.ShouldBe("重大执法决定法制审核覆盖率");
        plan.Requirements.Select(r => r.Title).ShouldBe(["加强组织保障", "加强督促检查"]);
        plan.IssuingOrgan.ShouldBe("某某县司法局");
        plan.IssueDate.ShouldBe(new DateOnly(2024, 3, 1));
        plan.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Areas_directly_under_top_level_with_bracketed_chinese_numbered_tasks()
    {
        const string text = """
            一、深化法治政府建设
            （一）健全依法决策机制。重大行政决策合法性审查全覆盖。
            （二）推进政务公开。
            二、强化监督
            （三）加强行政复议工作。
            """;
        var plan = PlanDocumentParser.Parse(text);

        plan.Areas.Select(a => a.Title).ShouldBe(["深化法治政府建设", "强化监督"]);
        plan.Areas[0].Tasks.Select(t => (t.Number, t.Title)).ShouldBe([(1, "健全依法决策机制"), (2, "推进政务公开")]);
        plan.Areas[1].Tasks.Single().Number.ShouldBe(3);
        plan.Areas[0].Tasks[0].Kpis.Single().Name.ShouldBe("重大行政决策合法性审查覆盖率");
    }

    [Fact]
    public void Paren_numbered_tasks_and_numbers_running_on_across_areas()
    {
        const string text = """
            三、重点工作
            (一)完善制度
            （1）修订《某某市城市管理条例》。
            （2）制定《某某市户外广告管理办法》和《某某市占道经营管理办法》。
            (二)规范执法
            （3）开展案卷评查。1.5倍于去年的案卷量。
            （4）社会满意度达到90%以上。
            """;
        var plan = PlanDocumentParser.Parse(text);

        plan.Areas.Select(a => a.Tasks.Count).ShouldBe([2, 2]);
        plan.Areas[1].Tasks.Select(t => t.Number).ShouldBe([3, 4]);
        plan.Areas[1].Tasks[0].Body.ShouldBe("1.5倍于去年的案卷量。");
        plan.Areas[0].Tasks[0].Deliverables.Single().ShouldSatisfyAllConditions(
            d => d.Name.ShouldBe("某某市城市管理条例"), d => d.Action.ShouldBe(DeliverableAction.Revise));
        plan.Areas[0].Tasks[1].Deliverables.Select(d => (d.Name, d.Action)).ShouldBe(
            [("某某市户外广告管理办法", DeliverableAction.Draft), ("某某市占道经营管理办法", DeliverableAction.Draft)]);
        plan.Areas[1].Tasks[1].Kpis.Single().ShouldSatisfyAllConditions(
            k => k.Name.ShouldBe("社会满意度"), k => k.Comparator.ShouldBe(KpiComparator.AtLeast), k => k.Target.ShouldBe(90m));
    }

    [Fact]
    public void Sub_levels_below_the_task_level_stay_in_the_body()
    {
        const string text = """
            三、重点工作
            (一)加强立法
            1．加强立法工作。
            （1）做好调研。
            （2）一是完善计划，二是加强审查。
            责任单位：政策法规办
            牵头单位:综合执法科
            2．落实审查制度。
            """;
        var plan = PlanDocumentParser.Parse(text);

        var tasks = plan.Areas.Single().Tasks;
        tasks.Select(t => (t.Number, t.Title)).ShouldBe([(1, "加强立法工作"), (2, "落实审查制度")]);
        tasks[0].Body.ShouldBe("(1)做好调研。\n(2)一是完善计划，二是加强审查。\n责任单位:政策法规办\n牵头单位:综合执法科");
        plan.Warnings.ShouldNotContain(w => w.Line != null);
    }

    [Fact]
    public void Headings_glued_to_their_bodies_and_headings_alone()
    {
        const string text = """
            一、指导思想。坚持依法行政。
            二、组织领导:成立领导小组。
            三、重点工作
            (一)加强党的领导。深入学习。一是学法，二是用法。
            (二)加强立法
            1.加强城市管理领域立法工作。坚持围绕中心。
            2.落实公众参与
            广泛听取意见。
            """;
        var plan = PlanDocumentParser.Parse(text);

        plan.GuidingIdeology.ShouldBe("坚持依法行政。");
        plan.Leadership.ShouldBe("成立领导小组。");
        plan.Areas[0].Title.ShouldBe("加强党的领导");
        plan.Areas[0].Tasks.Single().ShouldSatisfyAllConditions(
            t => t.Number.ShouldBeNull(), t => t.Title.ShouldBe("加强党的领导"), t => t.Body.ShouldBe("深入学习。一是学法，二是用法。"));
        plan.Areas[1].Tasks.Select(t => (t.Title, t.Body)).ShouldBe([("加强城市管理领域立法工作", "坚持围绕中心。"), ("落实公众参与", "广泛听取意见。")]);
    }

    [Fact]
    public void Cover_notice_is_skipped_and_gives_the_title()
    {
        const string text = """
            关于印发《某某区城管局2022年法治政府建设工作计划》的通知
            各科室（中心）：
            现将《某某区城管局2022年法治政府建设工作计划》印发给你们，请认真贯彻执行。
            某某区城市管理局
            2022年3月10日
            为推进法治建设，制定本计划。
            一、重点工作
            （一）加强学习。组织学法。
            """;
        var plan = PlanDocumentParser.Parse(text);

        plan.Title.ShouldBe("某某区城管局2022年法治政府建设工作计划");
        plan.Preamble.ShouldBe("为推进法治建设，制定本计划。");
        // The plan itself has no signature: the cover's is the best there is.
        plan.IssuingOrgan.ShouldBe("某某区城市管理局");
        plan.IssueDate.ShouldBe(new DateOnly(2022, 3, 10));
        plan.Year.ShouldBe(2022);
        plan.Areas.Single().Title.ShouldBe("加强学习");
        plan.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Cover_notice_then_its_own_title_line_and_chinese_numeral_date()
    {
        const string text = """
            关于印发《工作计划》的通知
            各科室：
            现将计划印发给你们。
            某某局
            2023年1月5日
            某某市某某局
            2023年法治政府建设工作计划
            一、重点工作
            （一）加强学习
            某某市某某局
            二〇二三年一月二十五日
            """;
        var plan = PlanDocumentParser.Parse(text);

        plan.Title.ShouldBe("某某市某某局2023年法治政府建设工作计划");
        plan.Preamble.ShouldBeEmpty();
        plan.IssuingOrgan.ShouldBe("某某市某某局");
        plan.IssueDate.ShouldBe(new DateOnly(2023, 1, 25));
        plan.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Full_width_date_and_percent()
    {
        const string text = """
            三、重点工作
            （一）执法
            1．社会满意度达９５％以上，案件数较上年下降１０％，其中结案率为８０％。
            某某局
            ２０２３年４月２５日
            """;
        var plan = PlanDocumentParser.Parse(text);

        plan.IssueDate.ShouldBe(new DateOnly(2023, 4, 25));
        // Only the target counts; "下降10%" and "为80%" describe, they do not set a target.
        plan.AllTasks.Single().Kpis.Single().ShouldSatisfyAllConditions(k => k.Name.ShouldBe("社会满意度"), k => k.Target.ShouldBe(95m));
    }

    [Fact]
    public void Text_that_cannot_be_placed_is_reported_with_its_line()
    {
        const string text = "三、重点工作\n今年重点抓好以下工作：\n（一）加强学习\n五、其他事项\n其他内容。";
        var plan = PlanDocumentParser.Parse(text);

        plan.Areas.Single().Title.ShouldBe("加强学习");
        plan.Warnings.ShouldContain(w => w.Line == 2 && w.Message.StartsWith("第2行：") && w.Message.Contains("无法归入任何重点工作"));
        plan.Warnings.ShouldContain(w => w.Line == 4);
    }

    [Fact]
    public void Plan_without_title_or_signature_gets_a_generated_title_and_warnings()
    {
        var plan = PlanDocumentParser.Parse("为做好2025年工作，制定本计划。\n一、重点工作\n（一）加强学习");

        plan.Year.ShouldBe(2025);
        plan.Title.ShouldBe("2025年法治政府建设工作计划");
        plan.Warnings.Select(w => w.Message).ShouldContain(m => m.Contains("发文机关"));
        plan.Warnings.Select(w => w.Message).ShouldContain(m => m.Contains("自动生成"));
    }

    [Fact]
    public void Verbs_of_execution_are_not_deliverables()
    {
        var plan = PlanDocumentParser.Parse("""
            三、重点工作
            （一）执法
            1.严格执行《行政处罚法》，贯彻落实新修订《行政复议法》，按照《某某规定》要求开展工作。
            2.做好《甲条例》的修订工作、制定出台《乙办法》。
            """);

        plan.Areas[0].Tasks[0].Deliverables.ShouldBeEmpty();
        plan.Areas[0].Tasks[1].Deliverables.Select(d => (d.Name, d.Action)).ShouldBe([("乙办法", DeliverableAction.Draft), ("甲条例", DeliverableAction.Revise)], ignoreOrder: true);
    }

    [Fact]
    public void Double_decrease_with_ascii_quotes_and_without()
    {
        var plan = PlanDocumentParser.Parse("""
            三、重点工作
            （一）复议
            1.促进行政复议案件数与败诉数"双下降"。
            2.实现信访件和投诉件双下降。
            """);

        plan.Areas[0].Tasks[0].Kpis.Select(k => k.Name).ShouldBe(["行政复议案件数", "败诉数"]);
        plan.Areas[0].Tasks[1].Kpis.Select(k => k.Name).ShouldBe(["信访件", "投诉件"]);
        plan.AllTasks.SelectMany(t => t.Kpis).ShouldAllBe(k => k.Comparator == KpiComparator.DecreaseYearOnYear && k.Target == null && k.Kind == KpiKind.YearOnYearCount);
    }
}
