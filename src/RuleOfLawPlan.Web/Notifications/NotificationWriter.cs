using Microsoft.EntityFrameworkCore;
using Npgsql;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Notifications;

/// <summary>
/// Writes notifications set-wise: each kind is one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, so a run costs
/// the same few round-trips however many tasks and users there are, and an event already written for a user (the same
/// <see cref="Notification.DedupeKey"/>) is skipped by the database, not by a check that a concurrent writer could race.
/// </summary>
public static class NotificationWriter
{
    /// <summary>
    /// Section heads by section, the tasks of active plans, and the sections each involves (牵头 and 配合). Role names
    /// are parameters: <c>@head_role</c>.
    /// </summary>
    private const string Common = """
        WITH heads AS (
            SELECT u.id AS user_id, u.section_id
            FROM asp_net_users u
            JOIN asp_net_user_roles ur ON ur.user_id = u.id
            JOIN asp_net_roles r ON r.id = ur.role_id
            WHERE r.name = @head_role AND NOT u.is_disabled AND u.section_id IS NOT NULL),
        plan_tasks AS (
            SELECT t.id, t.status, t.deadline, t.responsible_leader
            FROM tasks t JOIN plans p ON p.id = t.work_plan_id
            WHERE p.status = 'Active'),
        involved AS (
            SELECT t.id AS task_id, t.lead_section_id AS section_id FROM tasks t JOIN plan_tasks pt ON pt.id = t.id
            WHERE t.lead_section_id IS NOT NULL
            UNION
            SELECT s.plan_task_id, s.section_id FROM task_supports s JOIN plan_tasks pt ON pt.id = s.plan_task_id)
        """;

    /// <summary>How a 责任领导 text and a leader's 领导职务 are split into parts (as <c>AppUser.SplitTitles</c> splits them).</summary>
    private const string Separators = "'[、，,；;/[:space:]　]+'";

    private const string Insert = "INSERT INTO notifications (recipient_id, kind, plan_task_id, text, due, dedupe_key, created_at)";
    private const string OnConflict = "ON CONFLICT (recipient_id, dedupe_key) DO NOTHING";

    /// <summary>报送截止日临近: heads of involved sections that have reported nothing (not returned) in the period.</summary>
    public static Task<int> CutOffApproachingAsync(PlanDb db, DateOnly periodStart, DateOnly cutOff, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(db, $"""
            {Common}
            {Insert}
            SELECT h.user_id, 'CutOffApproaching', i.task_id, '', @cut_off, 'cutoff:' || i.task_id || ':' || to_char(@cut_off, 'YYYY-MM-DD'), @now
            FROM involved i
            JOIN plan_tasks t ON t.id = i.task_id
            JOIN heads h ON h.section_id = i.section_id
            WHERE t.status <> 'Completed'
              AND NOT EXISTS (SELECT 1 FROM progress_updates u
                              WHERE u.plan_task_id = i.task_id AND u.section_id = i.section_id
                                AND u.as_of BETWEEN @period_start AND @cut_off AND u.review <> 'Returned')
            {OnConflict}
            """, ct, Param("period_start", periodStart), Param("cut_off", cutOff), Param("now", now));

    /// <summary>完成时限临近: a deadline from today to the end of the blue window, once per deadline.</summary>
    public static Task<int> DeadlineApproachingAsync(PlanDb db, DateOnly day, DateOnly until, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(db, $"""
            {Common}
            {Insert}
            SELECT h.user_id, 'DeadlineApproaching', t.id, '', t.deadline, 'deadline:' || t.id || ':' || to_char(t.deadline, 'YYYY-MM-DD'), @now
            FROM plan_tasks t
            JOIN involved i ON i.task_id = t.id
            JOIN heads h ON h.section_id = i.section_id
            WHERE t.status <> 'Completed' AND t.deadline BETWEEN @day AND @until
            {OnConflict}
            """, ct, Param("day", day), Param("until", until), Param("now", now));

    /// <summary>
    /// 已逾期, once per deadline: to the involved sections' heads and to the leaders the task's 责任领导 names.
    /// 责任领导 is free text ("分管副局长", "张三、李四"): a leader is named when one of its parts, split at 、，,；;/ and
    /// spaces, equals one of the 领导职务 the administrator recorded on the leader's account (<c>AppUser.LeaderTitles</c>,
    /// split the same way) or the account's 姓名 (<c>AppUser.DisplayName</c>), exactly (decision 022).
    /// </summary>
    public static Task<int> OverdueAsync(PlanDb db, DateOnly day, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(db, $"""
            {Common},
            overdue AS (
                SELECT id, deadline, array_remove(regexp_split_to_array(coalesce(responsible_leader, ''), {Separators}), '') AS named
                FROM plan_tasks WHERE status <> 'Completed' AND deadline < @day),
            recipients AS (
                SELECT o.id AS task_id, o.deadline, h.user_id
                FROM overdue o JOIN involved i ON i.task_id = o.id JOIN heads h ON h.section_id = i.section_id
                UNION
                SELECT o.id, o.deadline, u.id
                FROM overdue o
                JOIN asp_net_users u ON u.display_name = ANY (o.named)
                    OR array_remove(regexp_split_to_array(u.leader_titles, {Separators}), '') && o.named
                JOIN asp_net_user_roles ur ON ur.user_id = u.id
                JOIN asp_net_roles r ON r.id = ur.role_id
                WHERE r.name = @leader_role AND NOT u.is_disabled)
            {Insert}
            SELECT user_id, 'Overdue', task_id, '', deadline, 'overdue:' || task_id || ':' || to_char(deadline, 'YYYY-MM-DD'), @now
            FROM recipients
            {OnConflict}
            """, ct, Param("day", day), Param("leader_role", Roles.Leader), Param("now", now));

    /// <summary>进展被退回: the heads of the section whose update was returned, unless it has been corrected since.</summary>
    public static Task<int> UpdateReturnedAsync(PlanDb db, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(db, $"""
            {Common}
            {Insert}
            SELECT h.user_id, 'UpdateReturned', u.plan_task_id, coalesce(u.review_comment, ''), NULL, 'returned:' || u.id, @now
            FROM progress_updates u
            JOIN plan_tasks t ON t.id = u.plan_task_id
            JOIN heads h ON h.section_id = u.section_id
            WHERE u.review = 'Returned' AND NOT u.is_superseded
            {OnConflict}
            """, ct, Param("now", now));

    /// <summary>新批示: the heads of every section the task involves, while the 批示 is unanswered.</summary>
    public static Task<int> NewInstructionAsync(PlanDb db, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(db, $"""
            {Common}
            {Insert}
            SELECT h.user_id, 'NewInstruction', i.plan_task_id, i.text, NULL, 'instruction:' || i.id, @now
            FROM instructions i
            JOIN involved v ON v.task_id = i.plan_task_id
            JOIN heads h ON h.section_id = v.section_id
            WHERE i.answered_at IS NULL
            {OnConflict}
            """, ct, Param("now", now));

    /// <summary>催办: the heads of every section of the urged task, with the office's note. Returns how many were told.</summary>
    public static Task<int> UrgedAsync(PlanDb db, long urgeId, CancellationToken ct) =>
        ExecuteAsync(db, $"""
            {Common}
            {Insert}
            SELECT h.user_id, 'Urged', g.plan_task_id, g.note, NULL, 'urge:' || g.id, g.urged_at
            FROM task_urges g
            JOIN involved v ON v.task_id = g.plan_task_id
            JOIN heads h ON h.section_id = v.section_id
            WHERE g.id = @urge_id
            {OnConflict}
            """, ct, Param("urge_id", urgeId));

    private static Task<int> ExecuteAsync(PlanDb db, string sql, CancellationToken ct, params NpgsqlParameter[] parameters) =>
        db.Database.ExecuteSqlRawAsync(sql, (IEnumerable<object>)[Param("head_role", Roles.SectionHead), .. parameters], ct);

    private static NpgsqlParameter<T> Param<T>(string name, T value) => new NpgsqlParameter<T>(name, value);
}
