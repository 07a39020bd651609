using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Web.Notifications;

/// <summary>
/// One row of a user's inbox (站内提醒): what happened on which task. <see cref="DedupeKey"/> names the event
/// ("overdue:12:2023-06-30"); a user holds each key once (a unique index), so whoever writes the same event twice —
/// the daily job run again, or on two instances at once — writes one row.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string recipientId, NotificationKind kind, int planTaskId, string text, DateOnly? due,
        string dedupeKey, DateTimeOffset createdAt)
    {
        RecipientId = recipientId;
        Kind = kind;
        PlanTaskId = planTaskId;
        Text = text;
        Due = due;
        DedupeKey = dedupeKey;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public long Id { get; private set; }
    public string RecipientId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public int PlanTaskId { get; private set; }

    /// <summary>What was written with the event: the 催办 note, the 退回意见, the 批示; empty for date reminders.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The date the reminder is about: the reporting cut-off or the task's deadline.</summary>
    public DateOnly? Due { get; private set; }

    public string DedupeKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Its own row version: an inbox row belongs to no task's aggregate, and reading it must not move the task's.</summary>
    [Timestamp]
    public uint Version { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>Reading it again keeps the first time it was read.</summary>
    public void MarkRead(DateTimeOffset at) => ReadAt ??= at.ToUniversalTime();
}
