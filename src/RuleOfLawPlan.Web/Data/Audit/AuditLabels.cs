namespace RuleOfLawPlan.Web.Data.Audit;

/// <summary>
/// Chinese names of the audited types and of their fields, as the history pages show them. They are resource keys
/// (pages pass them through the localizer). <c>AuditCatalogTests</c> checks that every audited type of the model and
/// every field it records has one here, so no page ever falls back to a C# name.
/// </summary>
public static class AuditLabels
{
    private sealed record TypeLabels(string Label, Dictionary<string, string> Fields);

    /// <summary>Fields that mean the same in every type they appear in.</summary>
    private static readonly Dictionary<string, string> Common = new()
    {
        ["Id"] = "编号",
        ["OrganizationId"] = "单位",
        ["WorkPlanId"] = "计划",
        ["KeyAreaId"] = "重点工作",
        ["PlanTaskId"] = "任务",
        ["SectionId"] = "科室",
        ["UserId"] = "用户",
        ["RoleId"] = "角色",
        ["SortOrder"] = "排序",
        ["Ordinal"] = "序号",
        ["ClaimType"] = "声明类型",
        ["ClaimValue"] = "声明值",
        ["LoginProvider"] = "登录方式",
    };

    private static readonly Dictionary<string, TypeLabels> Types = new()
    {
        ["Organization"] = new("单位", new() { ["Name"] = "单位名称", ["ShortName"] = "单位简称" }),
        ["Section"] = new("科室", new()
        {
            ["Name"] = "科室名称", ["Kind"] = "科室类型", ["IsSample"] = "示例科室", ["IsActive"] = "启用",
        }),
        ["WorkPlan"] = new("计划", new()
        {
            ["Year"] = "年度", ["Title"] = "计划标题", ["IssuingOrgan"] = "发文机关", ["IssueDate"] = "印发日期",
            ["Status"] = "计划状态", ["Preamble"] = "前言", ["GuidingIdeology"] = "指导思想", ["Leadership"] = "组织领导",
        }),
        ["PlanRequirement"] = new("工作要求", new() { ["Title"] = "标题", ["Body"] = "内容" }),
        ["KeyArea"] = new("重点工作", new() { ["Title"] = "标题", ["Body"] = "内容" }),
        ["PlanTask"] = new("任务", new()
        {
            ["Number"] = "任务序号", ["Title"] = "任务标题", ["Body"] = "任务内容", ["LeadSectionId"] = "牵头科室",
            ["ResponsibleLeader"] = "责任领导", ["Deadline"] = "完成时限", ["ExpectedOutcome"] = "预期成果",
            ["Status"] = "任务状态", ["PercentComplete"] = "完成进度",
        }),
        ["TaskSupport"] = new("配合科室", new() { ["SectionId"] = "配合科室" }),
        ["Kpi"] = new("指标", new()
        {
            ["Name"] = "指标名称", ["SourceSentence"] = "指标原文", ["Comparator"] = "考核方式", ["Target"] = "目标值",
            ["Unit"] = "单位", ["Kind"] = "指标类型",
        }),
        ["Deliverable"] = new("成果", new() { ["Name"] = "成果名称", ["Action"] = "成果类型" }),
        ["ProgressUpdate"] = new("工作台账", new()
        {
            ["SectionId"] = "填报科室", ["AsOf"] = "截至日期", ["Percent"] = "进度", ["Summary"] = "工作进展",
            ["RecordedBy"] = "填报人", ["RecordedAt"] = "填报时间", ["SupersedesId"] = "更正的进展",
            ["IsSuperseded"] = "已被更正", ["Review"] = "审核状态", ["ReviewComment"] = "退回意见", ["ReviewedBy"] = "审核人",
            ["ReviewedAt"] = "审核时间",
        }),
        ["Instruction"] = new("批示", new()
        {
            ["Text"] = "批示内容", ["Leader"] = "批示人", ["IssuedAt"] = "批示时间", ["Answer"] = "办理情况",
            ["AnsweredBySectionId"] = "办理科室", ["AnsweredBy"] = "办理人", ["AnsweredAt"] = "办理时间",
        }),
        ["TaskUrge"] = new("催办", new() { ["Note"] = "催办事项", ["UrgedBy"] = "催办人", ["UrgedAt"] = "催办时间" }),
        ["KpiReading"] = new("指标数据", new()
        {
            ["KpiId"] = "指标", ["AsOf"] = "截至日期", ["Percent"] = "百分比", ["Numerator"] = "分子",
            ["Denominator"] = "分母", ["ThisYearCount"] = "本年数", ["LastYearCount"] = "上年同期数", ["Source"] = "数据来源",
            ["RecordedBy"] = "填报人", ["RecordedAt"] = "填报时间",
        }),
        ["EvidenceFile"] = new("佐证材料", new()
        {
            ["FileName"] = "文件名", ["Kind"] = "文件类型", ["Length"] = "文件大小（字节）", ["Sha256"] = "SHA-256校验值",
            ["ProgressUpdateId"] = "所属进展", ["KpiReadingId"] = "所属指标数据", ["UploadedBy"] = "上传人", ["UploadedAt"] = "上传时间",
        }),
        ["LeadershipActivity"] = new("领导履职台账", new()
        {
            ["Kind"] = "活动类型", ["HeldOn"] = "活动日期", ["Title"] = "活动名称", ["ChairedBy"] = "主持人",
            ["Summary"] = "主要内容", ["RecordedBy"] = "登记人", ["RecordedAt"] = "登记时间",
        }),
        ["ActivityEvidenceFile"] = new("履职佐证材料", new()
        {
            ["FileName"] = "文件名", ["Kind"] = "文件类型", ["Length"] = "文件大小（字节）", ["Sha256"] = "SHA-256校验值",
            ["LeadershipActivityId"] = "所属履职记录", ["UploadedBy"] = "上传人", ["UploadedAt"] = "上传时间",
        }),
        ["ActivityTaskLink"] = new("履职关联任务", new() { ["LeadershipActivityId"] = "所属履职记录", ["PlanTaskId"] = "关联任务" }),
        ["AnnualReport"] = new("年度报告", new() { ["Year"] = "报告年度", ["Title"] = "报告标题" }),
        ["ReportRevision"] = new("报告修订版", new()
        {
            ["AnnualReportId"] = "年度报告", ["Number"] = "版次", ["Status"] = "报告状态", ["ApprovedBy"] = "审定人",
            ["ApprovedAt"] = "审定时间", ["SecrecyReviewedBy"] = "保密审查人", ["SecrecyReviewedAt"] = "保密审查时间",
            ["PublishedOn"] = "公开日期", ["PublishedChannel"] = "公开渠道",
        }),
        ["ReportPart"] = new("报告部分", new()
        {
            ["ReportRevisionId"] = "报告修订版", ["Number"] = "部分", ["Text"] = "报告内容", ["DraftedText"] = "起草内容",
            ["DraftSources"] = "起草依据",
        }),
        ["ReportStep"] = new("报告流转", new()
        {
            ["AnnualReportId"] = "年度报告", ["Kind"] = "操作", ["Revision"] = "版次", ["By"] = "操作人", ["At"] = "操作时间",
            ["Comment"] = "意见",
        }),
        ["AppUser"] = new("用户", new()
        {
            ["UserName"] = "用户名", ["NormalizedUserName"] = "用户名（检索用）", ["DisplayName"] = "姓名", ["LeaderTitles"] = "领导职务",
            ["SectionId"] = "所属科室", ["IsDisabled"] = "已停用", ["Email"] = "电子邮箱", ["NormalizedEmail"] = "电子邮箱（检索用）",
            ["EmailConfirmed"] = "邮箱已确认", ["PasswordHash"] = "密码", ["SecurityStamp"] = "登录凭证",
            ["PhoneNumber"] = "手机号码", ["PhoneNumberConfirmed"] = "手机号已确认",
            ["TwoFactorEnabled"] = "两步验证", ["LockoutEnd"] = "锁定至", ["LockoutEnabled"] = "允许锁定",
            ["AccessFailedCount"] = "登录失败次数",
        }),
        ["Role"] = new("角色", new()
        {
            ["Name"] = "角色名称", ["NormalizedName"] = "角色名称（检索用）",
        }),
        ["UserRole"] = new("用户角色", new()),
        ["UserClaim"] = new("用户声明", new()),
        ["RoleClaim"] = new("角色声明", new()),
        ["UserLogin"] = new("外部登录", new() { ["ProviderKey"] = "外部账号标识", ["ProviderDisplayName"] = "登录方式名称" }),
        ["UserToken"] = new("用户令牌", new() { ["Name"] = "令牌名称", ["Value"] = "令牌" }),
    };

    /// <summary>Copies kept for look-ups (upper-cased names): recorded, but they would only repeat a field on the pages.</summary>
    private static readonly HashSet<string> Derived = ["NormalizedUserName", "NormalizedEmail", "NormalizedName"];

    /// <summary>Every type name the catalog knows, in the order the audit filter offers them.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = [.. Types.Keys];

    public static string? TypeLabelOrNull(string entityType) => Types.GetValueOrDefault(entityType)?.Label;

    /// <summary>The type's Chinese name; its stored name if the catalog does not know it (an entry older than a rename).</summary>
    public static string TypeLabel(string entityType) => TypeLabelOrNull(entityType) ?? entityType;

    public static string? FieldLabelOrNull(string entityType, string field) =>
        Types.GetValueOrDefault(entityType)?.Fields.GetValueOrDefault(field) ?? Common.GetValueOrDefault(field);

    public static string FieldLabel(string entityType, string field) => FieldLabelOrNull(entityType, field) ?? field;

    public static bool IsDerived(string field) => Derived.Contains(field);

    /// <summary>Where a field comes when an entry is shown: in the catalog's order (name, text, then details), common fields last.</summary>
    public static int Position(string entityType, string field) =>
        Types.GetValueOrDefault(entityType)?.Fields.Keys.ToList().IndexOf(field) is int i and >= 0 ? i : int.MaxValue;

    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Insert => "新增",
        AuditAction.Update => "修改",
        AuditAction.Delete => "删除",
        _ => action.ToString(),
    };

    /// <summary>Every label, for the localization test.</summary>
    public static IEnumerable<string> All =>
        Types.Values.SelectMany(t => t.Fields.Values.Prepend(t.Label)).Concat(Common.Values)
            .Concat(Enum.GetValues<AuditAction>().Select(Of)).Distinct();
}
