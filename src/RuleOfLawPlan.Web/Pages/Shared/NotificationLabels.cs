using RuleOfLawPlan.Web.Notifications;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>How a notification's kind is named and coloured (names are resource keys).</summary>
public static class NotificationLabels
{
    public static string Of(NotificationKind kind) => kind switch
    {
        NotificationKind.CutOffApproaching => "报送截止日临近",
        NotificationKind.DeadlineApproaching => "完成时限临近",
        NotificationKind.Overdue => "已逾期",
        NotificationKind.UpdateReturned => "进展被退回",
        NotificationKind.NewInstruction => "新批示",
        NotificationKind.Urged => "催办",
        _ => kind.ToString(),
    };

    /// <summary>What the date of a date reminder is: the reporting cut-off, or the task's deadline.</summary>
    public static string DueLabel(NotificationKind kind) => kind == NotificationKind.CutOffApproaching ? "报送截止日" : "完成时限";

    public static string Badge(NotificationKind kind) => kind switch
    {
        NotificationKind.Overdue or NotificationKind.Urged => "text-bg-danger",
        NotificationKind.UpdateReturned or NotificationKind.NewInstruction or NotificationKind.CutOffApproaching => "text-bg-warning",
        _ => "text-bg-primary",
    };
}
