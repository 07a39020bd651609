using Npgsql;
using NpgsqlTypes;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// The rows <see cref="ScaleData"/> makes, and how each table is written: binary COPY with the ids reserved from the
/// table's own sequence beforehand, so rows can point at each other without a round-trip per row.
/// </summary>
internal static class ScaleRows
{
    public sealed record TaskRow(int Id, int PlanId, int AreaId, int? Number, int SortOrder, string Title, string Body, int? Lead,
        string? Leader, DateOnly? Deadline, string? ExpectedOutcome, int Percent);

    public sealed record Support(int TaskId, int SectionId);

    /// <summary>A copy of a template KPI under the name its copy goes by (<see cref="ScaleYear"/>).</summary>
    public sealed record KpiRow(int Id, int TaskId, Kpi Template, string Name);

    public sealed record DeliverableRow(int TaskId, Deliverable Template);

    public sealed record Update(long Id, int TaskId, int SectionId, DateOnly AsOf, int Percent, string Summary, string RecordedBy,
        DateTimeOffset RecordedAt, ReviewState Review, string? ReviewComment, DateTimeOffset? ReviewedAt, long? SupersedesId,
        bool IsSuperseded);

    public sealed record Reading(int KpiId, DemoReading Figures, string Source, string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record Evidence(long Id, int TaskId, long UpdateId, string FileName, DateTimeOffset At, string By);

    public sealed record InstructionRow(int TaskId, string Text, string Leader, DateTimeOffset IssuedAt, string? Answer,
        DateTimeOffset? AnsweredAt, string? AnsweredBy, int? AnsweredBySectionId);

    /// <summary>The first of <paramref name="count"/> consecutive ids taken from <paramref name="table"/>'s identity sequence.</summary>
    public static async Task<long> ReserveIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, int count,
        CancellationToken ct)
    {
        if (count == 0) return 0;
        await using var command = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence($1, 'id'), nextval(pg_get_serial_sequence($1, 'id')) + $2 - 1) - $2 + 1",
            connection, transaction)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = table }, new NpgsqlParameter<long> { TypedValue = count } },
        };
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static Task WriteTasksAsync(NpgsqlConnection c, IEnumerable<TaskRow> rows, CancellationToken ct) => CopyAsync(c,
        "tasks (id, work_plan_id, key_area_id, number, sort_order, title, body, lead_section_id, responsible_leader, deadline, expected_outcome, status, percent_complete)",
        rows, async (w, t) =>
        {
            await w.WriteAsync(t.Id, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(t.PlanId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(t.AreaId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(t.Number, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(t.SortOrder, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(t.Title, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(t.Body, NpgsqlDbType.Text, ct);
            await w.WriteAsync(t.Lead, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(t.Leader, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(t.Deadline, NpgsqlDbType.Date, ct);
            await w.WriteAsync(t.ExpectedOutcome, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(PlanTask.StatusFor(t.Percent).ToString(), NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(t.Percent, NpgsqlDbType.Integer, ct);
        }, ct);

    public static Task WriteSupportsAsync(NpgsqlConnection c, IEnumerable<Support> rows, CancellationToken ct) =>
        CopyAsync(c, "task_supports (plan_task_id, section_id)", rows, async (w, s) =>
        {
            await w.WriteAsync(s.TaskId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(s.SectionId, NpgsqlDbType.Integer, ct);
        }, ct);

    public static Task WriteKpisAsync(NpgsqlConnection c, IEnumerable<KpiRow> rows, CancellationToken ct) =>
        CopyAsync(c, "kpis (id, plan_task_id, name, source_sentence, comparator, target, unit, kind)", rows, async (w, k) =>
        {
            await w.WriteAsync(k.Id, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(k.TaskId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(k.Name, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(k.Template.SourceSentence, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(k.Template.Comparator.ToString(), NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(k.Template.Target, NpgsqlDbType.Numeric, ct);
            await w.WriteAsync(k.Template.Unit, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(k.Template.Kind.ToString(), NpgsqlDbType.Varchar, ct);
        }, ct);

    public static Task WriteDeliverablesAsync(NpgsqlConnection c, IEnumerable<DeliverableRow> rows, CancellationToken ct) =>
        CopyAsync(c, "deliverables (plan_task_id, name, action)", rows, async (w, d) =>
        {
            await w.WriteAsync(d.TaskId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(d.Template.Name, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(d.Template.Action.ToString(), NpgsqlDbType.Varchar, ct);
        }, ct);

    public static Task WriteUpdatesAsync(NpgsqlConnection c, IEnumerable<Update> rows, CancellationToken ct) => CopyAsync(c,
        "progress_updates (id, plan_task_id, section_id, as_of, percent, summary, recorded_by, recorded_at, review, review_comment, reviewed_by, reviewed_at, supersedes_id, is_superseded)",
        rows, async (w, u) =>
        {
            await w.WriteAsync(u.Id, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(u.TaskId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(u.SectionId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(u.AsOf, NpgsqlDbType.Date, ct);
            await w.WriteAsync(u.Percent, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(u.Summary, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(u.RecordedBy, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(u.RecordedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(u.Review.ToString(), NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(u.ReviewComment, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(u.ReviewedAt is null ? null : DemoYear.Reviewer, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(u.ReviewedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(u.SupersedesId, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(u.IsSuperseded, NpgsqlDbType.Boolean, ct);
        }, ct);

    public static Task WriteReadingsAsync(NpgsqlConnection c, IEnumerable<Reading> rows, CancellationToken ct) => CopyAsync(c,
        "kpi_readings (kpi_id, as_of, percent, numerator, denominator, this_year_count, last_year_count, source, recorded_by, recorded_at)",
        rows, async (w, r) =>
        {
            await w.WriteAsync(r.KpiId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Figures.AsOf, NpgsqlDbType.Date, ct);
            await w.WriteAsync(r.Figures.Percent, NpgsqlDbType.Numeric, ct);
            await w.WriteAsync(r.Figures.Numerator, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Figures.Denominator, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Figures.ThisYear, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Figures.LastYear, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Source, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(r.RecordedBy, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(r.RecordedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);

    /// <summary>The files' rows, then one chunk each with <paramref name="content"/> (a small PDF, so one chunk).</summary>
    public static async Task WriteEvidenceAsync(NpgsqlConnection c, IReadOnlyList<Evidence> rows, byte[] content,
        string sha256, CancellationToken ct)
    {
        await CopyAsync(c, "evidence_files (id, plan_task_id, progress_update_id, file_name, kind, length, sha256, uploaded_by, uploaded_at)",
            rows, async (w, e) =>
            {
                await w.WriteAsync(e.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(e.TaskId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(e.UpdateId, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(e.FileName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(EvidenceKind.Pdf.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync((long)content.Length, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(sha256, NpgsqlDbType.Char, ct);
                await w.WriteAsync(e.By, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
            }, ct);
        await CopyAsync(c, "evidence_chunks (evidence_file_id, ordinal, data)", rows, async (w, e) =>
        {
            await w.WriteAsync(e.Id, NpgsqlDbType.Bigint, ct);
            await w.WriteAsync(0, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(content, NpgsqlDbType.Bytea, ct);
        }, ct);
    }

    public static Task WriteInstructionsAsync(NpgsqlConnection c, IEnumerable<InstructionRow> rows, CancellationToken ct) => CopyAsync(c,
        "instructions (plan_task_id, text, leader, issued_at, answer, answered_at, answered_by, answered_by_section_id)",
        rows, async (w, i) =>
        {
            await w.WriteAsync(i.TaskId, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(i.Text, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(i.Leader, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(i.IssuedAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(i.Answer, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(i.AnsweredAt, NpgsqlDbType.TimestampTz, ct);
            await w.WriteAsync(i.AnsweredBy, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(i.AnsweredBySectionId, NpgsqlDbType.Integer, ct);
        }, ct);

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string target, IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }
}
