namespace RuleOfLawPlan.Web.Notifications;

/// <summary>Why someone is told about a task. Stored by name.</summary>
public enum NotificationKind
{
    /// <summary>报送截止日临近: the section has not reported in the current period and the cut-off is near.</summary>
    CutOffApproaching = 1,
    /// <summary>完成时限临近: the deadline is within the 督办 blue window.</summary>
    DeadlineApproaching = 2,
    /// <summary>已逾期: the deadline has passed and the task is not done.</summary>
    Overdue = 3,
    /// <summary>进展被退回: the office returned the section's update.</summary>
    UpdateReturned = 4,
    /// <summary>新批示: a leader wrote an instruction on the task.</summary>
    NewInstruction = 5,
    /// <summary>催办: the office pressed the task's sections.</summary>
    Urged = 6,
}
