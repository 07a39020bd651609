using System.Globalization;
using System.Text.Json;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Pages;

/// <summary>One field of an audit entry: its value before and after the change ("" where there was none).</summary>
public sealed record FieldChange(string Field, string Label, string Before, string After);

/// <summary>Reads an audit entry's before/after JSON into field-level changes for the pages.</summary>
public static class AuditChanges
{
    private static readonly Dictionary<string, string> FieldLabels = new()
    {
        ["Id"] = "编号",
        ["Title"] = "标题",
        ["Body"] = "内容",
        ["Number"] = "序号",
        ["SortOrder"] = "排序",
        ["LeadSectionId"] = "牵头科室",
        ["ResponsibleLeader"] = "责任领导",
        ["Deadline"] = "完成时限",
        ["ExpectedOutcome"] = "预期成果",
        ["Status"] = "状态",
        ["PercentComplete"] = "完成进度",
        ["SectionId"] = "科室",
        ["PlanTaskId"] = "任务",
        ["AsOf"] = "截至日期",
        ["Percent"] = "进度",
        ["Summary"] = "工作进展",
        ["RecordedBy"] = "填报人",
        ["RecordedAt"] = "填报时间",
        ["Text"] = "批示内容",
        ["Leader"] = "批示人",
        ["IssuedAt"] = "批示时间",
        ["Name"] = "名称",
        ["DisplayName"] = "姓名",
        ["UserName"] = "用户名",
        ["IsDisabled"] = "已停用",
        ["IsActive"] = "启用",
        ["UserId"] = "用户",
        ["RoleId"] = "角色",
        ["Year"] = "年度",
        ["WorkPlanId"] = "计划",
        ["KeyAreaId"] = "重点工作",
    };

    public static string Label(string field) => FieldLabels.GetValueOrDefault(field, field);

    /// <param name="format">Turns a field's raw value into display text (e.g. a section id into its name); null keeps it.</param>
    public static IReadOnlyList<FieldChange> Read(string? before, string? after, Func<string, string, string?>? format = null)
    {
        var old = Parse(before);
        var @new = Parse(after);
        var fields = @new.Keys.Concat(old.Keys).Distinct();
        return [.. fields.Select(f => new FieldChange(f, Label(f),
            Show(f, old.GetValueOrDefault(f), format), Show(f, @new.GetValueOrDefault(f), format)))];
    }

    private static string Show(string field, string? value, Func<string, string, string?>? format) =>
        value is null or "" ? "" : format?.Invoke(field, value) ?? value;

    private static Dictionary<string, string?> Parse(string? json)
    {
        var values = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(json)) return values;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            values[property.Name] = Text(property.Value);
        return values;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.String when value.GetString() is { } s && s.Length > 20 && s[4] == '-' && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) => ChinaTime.Format(instant),
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Insert => "新增",
        AuditAction.Update => "修改",
        AuditAction.Delete => "删除",
        _ => action.ToString(),
    };
}
