namespace RuleOfLawPlan.Web.Data.Audit;

/// <summary>
/// 全程留痕: one changed row, written in the same transaction as the change. Entries are only ever added:
/// no page changes them and database triggers refuse UPDATE, DELETE and TRUNCATE on the table.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid changeSetId, DateTimeOffset at, string? userId, string userName, AuditAction action, string entityType,
        string entityKey, string? before, string? after, int? planTaskId)
    {
        ChangeSetId = changeSetId;
        At = at.ToUniversalTime();
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityKey = entityKey;
        Before = before;
        After = after;
        PlanTaskId = planTaskId;
    }

    public long Id { get; private set; }

    /// <summary>
    /// The save this row was part of: the id of the database transaction that stored it, so the rows of one import
    /// or one form (several SaveChanges in one transaction included) can be shown as one change.
    /// </summary>
    public Guid ChangeSetId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The signed-in user's id; null for changes the system made (start-up, seeding).</summary>
    public string? UserId { get; private set; }

    public string UserName { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>A stable name (<see cref="AuditedTypes.NameOf(Type)"/>), labelled by <see cref="AuditLabels"/>.</summary>
    public string EntityType { get; private set; } = "";

    public string EntityKey { get; private set; } = "";

    /// <summary>JSON object: for updates only the changed properties; for deletes all of them.</summary>
    public string? Before { get; private set; }

    /// <summary>JSON object: for updates only the changed properties; for inserts all of them.</summary>
    public string? After { get; private set; }

    /// <summary>The task the row belongs to, so a task's history is one indexed query.</summary>
    public int? PlanTaskId { get; private set; }
}
