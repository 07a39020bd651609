using System.Text;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Tests.Import;

/// <summary>The real 2023 plan, as shipped and in the encodings and spellings offices actually produce.</summary>
public sealed class Plan2023Tests
{
    private static readonly string[] AreaTitles =
    [
        "加强党的领导,深化理论学习",
        "加强法治城管建设组织领导",
        "继续深化“放管服”改革,持续优化营商环境",
        "完善城市管理依法行政工作机制",
        "推进依法科学民主决策",
        "严格规范公正文明执法",
        "依法有效化解社会矛盾纠纷",
        "强化行政权力制约监督",
        "建设数字法治城管",
    ];

    private static readonly string[][] TaskTitles =
    [
        ["加强党的领导,深化理论学习"],
        ["加强法治城管建设组织领导"],
        ["继续深化“放管服”改革,持续优化营商环境"],
        ["加强城市管理领域立法工作", "全面落实立法全过程协商制度", "依法依规制定行政规范性文件", "及时组织开展城市管理相关立法和规范性文件清理工作"],
        ["严格落实重大行政决策机制", "落实重大行政决策程序公众参与机制", "落实重大执法决定专家论证制度", "落实重大执法决定风险评估制度", "落实重大执法决定合法性审查制度"],
        ["持续推进行政执法三项制度", "完善涉企行政执法机制,推动法治化营商环境建设", "全面落实行政执法责任制,推进行政执法风险防控", "完善行政执法和刑事司法衔接机制", "落实“谁执法谁普法”的普法责任制,推进普法与执法有机融合"],
        ["健全信访体系和行政调解制度", "进一步加强安全生产管理", "加强行政复议应诉工作"],
        ["贯彻落实《西藏自治区重大行政决策程序暂行规定》,确保行政权力运行合法化、规范化", "继续推进城市管理政务公开", "加强行政权力监督"],
        ["加强政务信息联通共享", "深入推进“互联网+”监管执法", "持续摸索执法新模式"],
    ];

    private const string GeneratedTitle = "日喀则市城市管理和综合执法局2023年法治政府建设工作计划";

    [Fact]
    public void As_shipped() => AssertPlan2023(PlanDocumentParser.Parse(PlanFixtures.Plan2023Text()));

    [Fact]
    public void As_shipped_bytes() => AssertPlan2023(PlanDocumentParser.Parse(PlanFixtures.Plan2023Bytes()));

    [Fact]
    public void Full_width_punctuation() => AssertPlan2023(PlanDocumentParser.Parse(PlanFixtures.ToFullWidth(PlanFixtures.Plan2023Text())));

    [Fact]
    public void Crlf_line_endings() =>
        AssertPlan2023(PlanDocumentParser.Parse(PlanFixtures.Plan2023Text().ReplaceLineEndings("\r\n")));

    [Fact]
    public void Cr_line_endings_blank_lines_and_indentation() =>
        AssertPlan2023(PlanDocumentParser.Parse(string.Join("\r\r", PlanFixtures.Plan2023Text().Split('\n').Select(l => "\u3000\u3000" + l + "  "))));

    [Fact]
    public void Utf8_with_bom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. PlanFixtures.Plan2023Bytes()];
        PlanTextDecoder.Decode(bytes).ShouldNotStartWith("\uFEFF");
        AssertPlan2023(PlanDocumentParser.Parse(bytes));
    }

    [Fact]
    public void Utf16_with_bom()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(PlanFixtures.Plan2023Text())).ToArray();
        AssertPlan2023(PlanDocumentParser.Parse(bytes));
    }

    [Fact]
    public void Gb18030_bytes()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(54936).GetBytes(PlanFixtures.ToFullWidth(PlanFixtures.Plan2023Text()));
        AssertPlan2023(PlanDocumentParser.Parse(bytes.AsSpan()));
    }

    [Fact]
    public void Kpis_are_found_in_their_tasks()
    {
        var plan = PlanDocumentParser.Parse(PlanFixtures.Plan2023Text());
        var kpis = plan.Areas.SelectMany(a => a.Tasks.SelectMany(t => t.Kpis.Select(k => (Where: $"{a.Ordinal}.{t.Number}", Kpi: k)))).ToList();

        kpis.Select(k => (k.Where, k.Kpi.Name, k.Kpi.Comparator, k.Kpi.Target, k.Kpi.Unit, k.Kpi.Kind)).ShouldBe(
        [
            ("6.1", "城市管理行政执法社会满意度", KpiComparator.AtLeast, 90m, "%", KpiKind.Percentage),
            ("6.1", "城管执法机关法制审核人员", KpiComparator.AtLeast, 5m, "%", KpiKind.Ratio),
            ("6.1", "重大执法决定法制审核覆盖率", KpiComparator.Equal, 100m, "%", KpiKind.Percentage),
            ("8.1", "合法性审查覆盖率", KpiComparator.Equal, 100m, "%", KpiKind.Percentage),
            ("8.1", "行政诉讼案件数", KpiComparator.DecreaseYearOnYear, null, "", KpiKind.YearOnYearCount),
            ("8.1", "败诉数", KpiComparator.DecreaseYearOnYear, null, "", KpiKind.YearOnYearCount),
            ("8.3", "人大、政协提出的意见建议满意率", KpiComparator.AtLeast, 95m, "%", KpiKind.Percentage),
            ("8.3", "办复率", KpiComparator.Equal, 100m, "%", KpiKind.Percentage),
        ], ignoreOrder: true);

        var ratio = kpis.Single(k => k.Kpi.Kind == KpiKind.Ratio).Kpi;
        ratio.SourceSentence.ShouldBe("城管执法机关法制审核人员不少于本单位执法人员总数的5%");
    }

    [Fact]
    public void Deliverables_of_the_legislation_task()
    {
        var plan = PlanDocumentParser.Parse(PlanFixtures.Plan2023Text());
        var legislation = plan.Areas[3].Tasks[0];
        legislation.Deliverables.Select(d => (d.Name, d.Action)).ShouldBe(
        [
            ("日喀则市市容和环境卫生管理条例", DeliverableAction.Revise),
            ("日喀则市城市管理条例", DeliverableAction.Revise),
            ("日喀则市建筑垃圾管理办法", DeliverableAction.Draft),
        ], ignoreOrder: true);
        legislation.Deliverables.ShouldAllBe(d => d.SourceSentence.Contains("修改工作"));

        // 严格执行《…》, 贯彻落实《…》, 按照《…》要求 ask for nothing new.
        plan.AllTasks.SelectMany(t => t.Deliverables).Count().ShouldBe(3);
    }

    [Fact]
    public void Traceability_phrases_are_not_kpis()
    {
        var plan = PlanDocumentParser.Parse(PlanFixtures.Plan2023Text());
        plan.AllTasks.SelectMany(t => t.Kpis).ShouldNotContain(k => k.Name.Contains("回溯") || k.Name.Contains("留痕") || k.Name.Contains("全过程"));
    }

    private static void AssertPlan2023(ParsedPlan plan)
    {
        static string Canon(string s) => s.Replace('，', ',');

        plan.Title.ShouldBe(GeneratedTitle);
        plan.Year.ShouldBe(2023);
        plan.IssuingOrgan.ShouldBe("日喀则市城市管理和综合执法局");
        plan.IssueDate.ShouldBe(new DateOnly(2023, 4, 25));
        plan.Preamble.ShouldStartWith("为深入贯彻落实《法治中国建设规划(2020—2025年)》");
        plan.Preamble.ShouldEndWith("制定如下计划:");
        plan.GuidingIdeology.ShouldStartWith("坚持以习近平新时代中国特色社会主义思想为指导");
        plan.GuidingIdeology.ShouldEndWith("推进城市治理科学化、精细化、智能化。");
        plan.Leadership.ShouldStartWith("为保障法治政府建设工作落到实处");
        plan.Leadership.ShouldEndWith("负责统筹日常工作。");

        plan.Areas.Select(a => Canon(a.Title)).ShouldBe(AreaTitles);
        plan.Areas.Select(a => a.Ordinal).ShouldBe(Enumerable.Range(1, 9));
        plan.Areas.Select(a => a.OrdinalText).ShouldBe(["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "(九)"]);
        plan.Areas.Select(a => a.Tasks.Count).ShouldBe([1, 1, 1, 4, 5, 5, 3, 3, 3]);
        plan.AllTasks.Count().ShouldBe(26);
        for (var i = 0; i < TaskTitles.Length; i++)
            plan.Areas[i].Tasks.Select(t => Canon(t.Title)).ShouldBe(TaskTitles[i], $"area {i + 1}");

        // Paragraph areas are tracked as one unnumbered task carrying the paragraph.
        plan.Areas[0].Tasks[0].Number.ShouldBeNull();
        plan.Areas[0].Tasks[0].Body.ShouldStartWith("深入学习贯彻习近平法治思想");
        plan.Areas[0].Body.ShouldBe(plan.Areas[0].Tasks[0].Body);
        plan.Areas[3].Tasks.Select(t => t.Number).ShouldBe([1, 2, 3, 4]);
        plan.Areas[3].Body.ShouldBeEmpty();
        plan.Areas[3].Tasks[0].Body.ShouldStartWith("坚持围绕中心、服务大局");
        plan.Areas[8].Tasks[2].Body.ShouldEndWith("实现全程留痕和可回溯管理。");

        plan.Requirements.Select(r => (r.Ordinal, r.Title)).ShouldBe([(1, "加强组织领导"), (2, "强化责任落实"), (3, "全面提升效能")]);
        plan.Requirements[2].Body.ShouldEndWith("全面提升法治城管建设工作效能。");

        plan.AllTasks.SelectMany(t => t.Kpis).Count().ShouldBe(8);
        plan.AllTasks.SelectMany(t => t.Deliverables).Count().ShouldBe(3);

        // The document has no title line: that is the one thing the clerk must be told.
        plan.Warnings.ShouldHaveSingleItem().Message.ShouldContain(GeneratedTitle);
    }
}
