using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>What the demo sections, office and leader write: plausible sentences of a bureau's 工作台账.</summary>
internal static class DemoTexts
{
    private static readonly string[] Activities =
    [
        "召开专题推进会，明确责任分工和时间节点",
        "完成相关制度文件起草，并在局内征求意见",
        "组织业务培训1次，参训人员46人次",
        "对照任务要求开展自查，发现并整改问题3个",
        "开展执法案卷评查，抽查案卷20卷",
        "深入基层执法中队调研，形成调研报告",
        "汇总阶段性成果，报送领导小组办公室",
        "会同相关部门开展联合检查2次",
    ];

    private static readonly string[] SupportActivities =
    [
        "提供本科室相关资料和数据",
        "安排专人参加协调会议",
        "完成分工范围内的自查和整改",
        "配合开展宣传和培训",
    ];

    public const string CorrectionAddendum = "已补充会议纪要及相关文件。";

    public const string UrgeNote = "该任务已逾期，请牵头科室于本月15日前报送整改措施和完成时限。";

    public static string Summary(PlanTask task, int month, int percent, int index) => percent == 100
        ? $"{month}月，“{Short(task)}”各项工作已全部完成，相关资料已整理归档。{DemoYear.Marker}"
        : $"{month}月，{Activities[(index + month) % Activities.Length]}，“{Short(task)}”累计完成{percent}%。{DemoYear.Marker}";

    public static string SupportSummary(PlanTask task, int month, int index) =>
        $"{month}月，配合牵头科室推进“{Short(task)}”，{SupportActivities[(index + month) % SupportActivities.Length]}。{DemoYear.Marker}";

    public static string ReturnComment(int month) => $"佐证材料不全，请补充{month}月工作的会议纪要或相关文件后重新报送。";

    public static string Instruction(DemoKind kind) => kind switch
    {
        DemoKind.Overdue => "该项工作进度滞后，请牵头科室认真分析原因，明确整改措施和完成时限，抓紧推进。",
        DemoKind.Behind => "请牵头科室加快推进，确保年底前完成年度目标任务。",
        _ => "请及时总结经验做法，为年度法治政府建设报告提供素材。",
    };

    public static string Answer(DemoKind kind) => kind switch
    {
        DemoKind.Overdue => "已召开专题会议分析滞后原因，制定整改措施，明确专人负责，力争11月底前完成。",
        _ => "已梳理形成经验做法材料，报送领导小组办公室。",
    };

    public static string KpiSource(Kpi kpi) => kpi.Kind switch
    {
        KpiKind.Ratio => "人事部门执法人员花名册及法制审核人员名单",
        KpiKind.YearOnYearCount => $"{kpi.Name}登记台账（与{DemoYear.Year - 1}年同期比较）",
        _ => $"{kpi.Name}统计台账",
    };

    /// <summary>The task's title, cut at its first clause so a sentence can quote it.</summary>
    private static string Short(PlanTask task)
    {
        var title = task.Title.TrimEnd('。');
        var cut = title.IndexOfAny(['，', '。', '；']);
        return cut > 0 ? title[..cut] : title;
    }
}
