using System.Globalization;
using System.Text;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Domain.Supervision;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// Chinese names of domain values. They are resource keys: pages pass them through the localizer
/// (<c>@L[Labels.Of(status)]</c>) so en-US shows the English.
/// </summary>
public static class Labels
{
    public static string Of(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "草稿",
        PlanStatus.Active => "执行中",
        PlanStatus.Closed => "已结束",
        _ => status.ToString(),
    };

    public static string Of(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.NotStarted => "未开始",
        PlanTaskStatus.InProgress => "推进中",
        PlanTaskStatus.Completed => "已完成",
        _ => status.ToString(),
    };

    public static string Of(DeliverableAction action) => action switch
    {
        DeliverableAction.Revise => "修改",
        DeliverableAction.Draft => "起草出台",
        _ => action.ToString(),
    };

    public static string Of(SectionKind kind) => kind switch
    {
        SectionKind.Section => "科",
        SectionKind.Center => "中心",
        SectionKind.Office => "办",
        SectionKind.Brigade => "大队",
        SectionKind.Other => "其他",
        _ => kind.ToString(),
    };

    public static string Of(KpiKind kind) => kind switch
    {
        KpiKind.Percentage => "百分比",
        KpiKind.Ratio => "两数之比",
        KpiKind.YearOnYearCount => "与上年比较",
        _ => kind.ToString(),
    };

    public static string Of(KpiComparator comparator) => comparator switch
    {
        KpiComparator.AtLeast => "不低于",
        KpiComparator.AtMost => "不超过",
        KpiComparator.Equal => "达到",
        KpiComparator.DecreaseYearOnYear => "比上年下降",
        _ => comparator.ToString(),
    };

    public static string Of(ReviewState review) => review switch
    {
        ReviewState.Pending => "待审核",
        ReviewState.Accepted => "已采纳",
        ReviewState.Returned => "已退回",
        _ => review.ToString(),
    };

    public static string Of(KpiAttainment attainment) => attainment switch
    {
        KpiAttainment.Met => "达标",
        KpiAttainment.NotMet => "未达标",
        KpiAttainment.NoData => "无数据",
        _ => attainment.ToString(),
    };

    public static string AttainmentBadge(KpiAttainment attainment) => attainment switch
    {
        KpiAttainment.Met => "text-bg-success",
        KpiAttainment.NotMet => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    /// <summary>
    /// A reading's figures as the bureau writes them: "92.5%", "4/80（5%）", or the key "本年{0}，上年{1}" filled in
    /// (pages pass the key through the localizer instead, see <c>_KpiFigures</c>).
    /// </summary>
    public static string Figures(TaskTargets.Reading reading) => reading switch
    {
        { Percent: { } percent } => Percentage(percent),
        { Numerator: { } part, Denominator: { } whole } => $"{part}/{whole}（{Percentage(reading.RatioPercent!.Value)}）",
        _ => string.Format(CultureInfo.InvariantCulture, YearOnYearFormat, reading.ThisYearCount, reading.LastYearCount),
    };

    /// <summary>The key of a year-on-year reading's figures.</summary>
    public const string YearOnYearFigures = "本年{0}，上年{1}";

    private static readonly CompositeFormat YearOnYearFormat = CompositeFormat.Parse(YearOnYearFigures);

    /// <summary>"92.5%", "100%".</summary>
    public static string Percentage(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The light's word: a light is never told by its colour alone.</summary>
    public static string Of(SupervisionLight light) => light switch
    {
        SupervisionLight.Red => "红灯",
        SupervisionLight.Yellow => "黄灯",
        SupervisionLight.Blue => "蓝灯",
        SupervisionLight.Green => "绿灯",
        SupervisionLight.Done => "已办结",
        _ => light.ToString(),
    };

    public static string Of(LightReason reason) => reason switch
    {
        LightReason.Completed => "已办结",
        LightReason.Overdue => "已逾期",
        LightReason.BehindSchedule => "进度滞后",
        LightReason.NoUpdateInPeriod => "未按期报送",
        LightReason.DeadlineNear => "临近期限",
        LightReason.OnTrack => "正常推进",
        _ => reason.ToString(),
    };

    /// <summary>The light's CSS class (site.css), its colour beside the word.</summary>
    public static string LightClass(SupervisionLight light) => "light light-" + light.ToString().ToLowerInvariant();

    /// <summary>"2023年6月": a reporting period by the month of its cut-off.</summary>
    public static string Period(ReportingPeriod period) => $"{period.Year}年{period.Month}月";

    public static string Of(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "PDF文件",
        EvidenceKind.Jpeg => "JPG图片",
        EvidenceKind.Png => "PNG图片",
        EvidenceKind.Ofd => "OFD版式文件",
        EvidenceKind.Docx => "Word文档（docx）",
        EvidenceKind.Xlsx => "Excel表格（xlsx）",
        EvidenceKind.Doc => "Word文档（doc）",
        EvidenceKind.Xls => "Excel表格（xls）",
        _ => kind.ToString(),
    };

    public static string Of(LeadershipActivityKind kind) => kind switch
    {
        LeadershipActivityKind.PartyGroupMeeting => "党组会议",
        LeadershipActivityKind.LeadingGroupMeeting => "领导小组会议",
        LeadershipActivityKind.CentralGroupStudy => "理论学习中心组学法",
        LeadershipActivityKind.WeeklyStudy => "每周一学",
        LeadershipActivityKind.ReportOnLaw => "述法",
        LeadershipActivityKind.LegalityReview => "重大行政决策合法性审查",
        _ => kind.ToString(),
    };

    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "送审",
        ReportStatus.Approved => "领导审定",
        ReportStatus.SecrecyReviewed => "保密审查",
        ReportStatus.Published => "已公开",
        _ => status.ToString(),
    };

    public static string Of(ReportStepKind kind) => kind switch
    {
        ReportStepKind.Drafted => "从记录起草",
        ReportStepKind.Submitted => "送审",
        ReportStepKind.Returned => "退回修改",
        ReportStepKind.Approved => "审定通过",
        ReportStepKind.SecrecyReviewed => "保密审查通过",
        ReportStepKind.Published => "公开",
        ReportStepKind.RevisionStarted => "新建修订版",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Any domain value, for pages that only know it as an <see cref="Enum"/> (the audit trail's field values);
    /// an enum without a case here comes back as its C# name, which <c>AuditCatalogTests</c> refuses.
    /// </summary>
    public static string Of(Enum value) => value switch
    {
        PlanStatus status => Of(status),
        PlanTaskStatus status => Of(status),
        DeliverableAction action => Of(action),
        SectionKind kind => Of(kind),
        KpiKind kind => Of(kind),
        KpiComparator comparator => Of(comparator),
        ReviewState review => Of(review),
        SupervisionLight light => Of(light),
        LightReason reason => Of(reason),
        EvidenceKind kind => Of(kind),
        LeadershipActivityKind kind => Of(kind),
        ReportStatus status => Of(status),
        ReportStepKind kind => Of(kind),
        _ => value.ToString(),
    };

    /// <summary>"≥ 90%", "= 100%", or the key "比上年下降" for year-on-year counts.</summary>
    public static string Target(KpiComparator comparator, decimal? target, string unit)
    {
        if (comparator == KpiComparator.DecreaseYearOnYear || target is null) return "比上年下降";
        var sign = comparator switch
        {
            KpiComparator.AtLeast => "≥",
            KpiComparator.AtMost => "≤",
            _ => "=",
        };
        return $"{sign} {target.Value.ToString("0.##", CultureInfo.InvariantCulture)}{unit}";
    }

    /// <summary>"(一)" for area 1.</summary>
    public static string AreaOrdinal(int ordinal) => $"（{ChineseNumerals.Format(ordinal)}）";

    /// <summary>"（六）1. 持续推进行政执法三项制度": a task as the plan numbers it; "（五）…" for an area tracked as one task.</summary>
    public static string TaskTitle(int areaOrdinal, int? number, string title) =>
        AreaOrdinal(areaOrdinal) + (number is int n ? $"{n}. " : "") + title;

    /// <summary>"1.加强城市管理领域立法工作": a task with its number in its area, if it has one.</summary>
    public static string NumberedTitle(int? number, string title) => number is int n ? $"{n}.{title}" : title;

    public static string ChineseDate(DateOnly? date) =>
        date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "";

    public static string StatusBadge(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.Completed => "text-bg-success",
        PlanTaskStatus.InProgress => "text-bg-primary",
        _ => "text-bg-secondary",
    };

    /// <summary>
    /// A file's size as people read it: 856 KB, 2.4 MB (1 KB = 1 024 bytes), rounded up, so a file just over a limit
    /// never reads as the limit itself.
    /// </summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes / 1024.0):0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes * 10 / (1024.0 * 1024)) / 10:0.#} MB"),
    };
}
