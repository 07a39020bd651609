using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// Data at scale for the benchmarks, the round-trip tests and a developer's look at the pages (docs/performance.md):
/// the 2023 plan grown to <see cref="ScaleOptions.Tasks"/> tasks (its own 26 and copies of them, led by the sample
/// sections and one 示例部门 per ~65 tasks), each with a year of progress updates, 佐证材料, KPI readings and a few
/// 批示, and <see cref="ScaleOptions.PriorYears"/> closed plans of the years before it. Deterministic from the seed.
/// Rows are written with binary COPY and do not go through the audit trail: nobody made these changes, and auditing
/// them would double what is written (decision 019). It fills only a freshly seeded database — the 2023 plan in
/// execution with no progress update — and writes everything in one transaction.
/// </summary>
public static class ScaleData
{
    /// <summary>Fills the database; returns the id of the plan the data is about (the 2023 plan).</summary>
    public static async Task<int> FillAsync(PlanDb db, ScaleOptions options, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Year == DemoYear.Year && p.Status == PlanStatus.Active)
            .Select(p => new { p.Id, p.OrganizationId }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No {DemoYear.Year} plan in execution: start the app once so it imports the shipped plan.");
        if (options.IsDemoYear)
        {
            await DemoYear.EnsureAsync(db, ct);
            return plan.Id;
        }
        if (await db.ProgressUpdates.AnyAsync(u => db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == plan.Id), ct))
            throw new InvalidOperationException($"The {DemoYear.Year} plan already has progress updates: generate data into a freshly seeded database.");
        var templates = await db.Tasks.AsNoTracking().Where(t => t.WorkPlanId == plan.Id)
            .Include(t => t.Area).Include(t => t.Supports).Include(t => t.Kpis).Include(t => t.Deliverables)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder).AsSplitQuery().ToListAsync(ct);
        if (options.Tasks < templates.Count || options.Updates < options.Tasks || options.PriorYears < 0)
            throw new ArgumentException($"At least {templates.Count} tasks and one update per task.", nameof(options));

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var tx = (NpgsqlTransaction)transaction.GetDbTransaction();
            var sql = new Sql(connection, tx, ct);
            await AddSectionsAsync(sql, plan.OrganizationId, options.Tasks, ct);
            var sections = await db.Sections.Where(s => s.OrganizationId == plan.OrganizationId && s.IsActive)
                .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
            var year = new ScaleYear(options, templates, sections, await DemoYear.ReportersAsync(db, ct), await DemoYear.LeaderAsync(db, ct));

            var plans = new List<(int Id, int Year, Dictionary<int, int> Areas)>
            {
                (plan.Id, DemoYear.Year, templates.Select(t => t.Area).DistinctBy(a => a.Id).ToDictionary(a => a.Ordinal, a => a.Id)),
            };
            for (var back = options.PriorYears; back >= 1; back--)
                plans.Add(await CopyPlanAsync(sql, plan.Id, DemoYear.Year - back));

            // Ids are taken from the tables' own sequences, so the rows can point at each other before they are written.
            year.StartIds(
                (int)await sql.ScalarLongAsync("SELECT nextval(pg_get_serial_sequence('tasks', 'id'))"),
                (int)await sql.ScalarLongAsync("SELECT nextval(pg_get_serial_sequence('kpis', 'id'))"),
                await sql.ScalarLongAsync("SELECT nextval(pg_get_serial_sequence('progress_updates', 'id'))"));
            foreach (var (id, planYear, areas) in plans)
                year.Generate(id, planYear, areas, current: planYear == DemoYear.Year);

            await sql.ExecuteAsync("SELECT setval(pg_get_serial_sequence('tasks', 'id'), $1)", (long)year.LastTaskId);
            await sql.ExecuteAsync("SELECT setval(pg_get_serial_sequence('kpis', 'id'), $1)", (long)year.LastKpiId);
            await sql.ExecuteAsync("SELECT setval(pg_get_serial_sequence('progress_updates', 'id'), $1)", year.LastUpdateId);
            await ScaleRows.WriteTasksAsync(connection, year.Tasks, ct);
            await ScaleRows.WriteSupportsAsync(connection, year.Supports, ct);
            await ScaleRows.WriteKpisAsync(connection, year.Kpis, ct);
            await ScaleRows.WriteDeliverablesAsync(connection, year.Deliverables, ct);
            await ScaleRows.WriteReadingsAsync(connection, year.Readings, ct);
            await ScaleRows.WriteUpdatesAsync(connection, year.Updates, ct);
            var minutes = SampleFiles.Pdf("Sample minutes (generated)");
            var firstFile = await ScaleRows.ReserveIdsAsync(connection, tx, "evidence_files", year.Evidence.Count, ct);
            await ScaleRows.WriteEvidenceAsync(connection, [.. year.Evidence.Select(e => e with { Id = firstFile + e.Id })], minutes,
                Convert.ToHexStringLower(SHA256.HashData(minutes)), ct);
            await ScaleRows.WriteInstructionsAsync(connection, year.Instructions, ct);
            await UpdateTemplatesAsync(connection, tx, year.TemplateFigures, ct);
            await transaction.CommitAsync(ct);
        }
        // Fresh statistics and visibility map, as autovacuum leaves a database in use: the planner sees the data as it will
        // be seen (EXPLAIN shows real plans) and index-only scans need not visit the table for rows just copied in.
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
        return plan.Id;
    }

    /// <summary>A city-wide plan is led across departments: one 示例部门 per ~65 tasks beyond the sample sections.</summary>
    private static async Task AddSectionsAsync(Sql sql, int organizationId, int tasks, CancellationToken ct)
    {
        var existing = await sql.ScalarLongAsync("SELECT count(*) FROM sections WHERE organization_id = $1 AND is_active", organizationId);
        var wanted = tasks / 65;
        if (wanted <= existing) return;
        await sql.ExecuteAsync("""
            INSERT INTO sections (organization_id, name, kind, sort_order, is_sample, is_active)
            SELECT $1, '示例部门' || lpad(n::text, 2, '0'), 'Section', 1000 + n, true, true FROM generate_series(1, $2) n
            """, organizationId, wanted - existing);
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>An earlier year's plan: the 2023 plan's text, areas and requirements under that year, closed.</summary>
    private static async Task<(int Id, int Year, Dictionary<int, int> Areas)> CopyPlanAsync(Sql sql, int planId, int year)
    {
        var id = (int)(await sql.ScalarAsync("""
            INSERT INTO plans (organization_id, year, title, issuing_organ, issue_date, status, preamble, guiding_ideology, leadership)
            SELECT organization_id, $2, replace(title, $3, $2::text), issuing_organ, (issue_date - make_interval(years => $3::int - $2))::date,
                   'Closed', replace(preamble, $3, $2::text), guiding_ideology, leadership
            FROM plans WHERE id = $1 RETURNING id
            """, planId, year, DemoYear.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
        await sql.ExecuteAsync("INSERT INTO key_areas (work_plan_id, ordinal, title, body) SELECT $2, ordinal, title, body FROM key_areas WHERE work_plan_id = $1",
            planId, id);
        await sql.ExecuteAsync(
            "INSERT INTO plan_requirements (work_plan_id, ordinal, title, body) SELECT $2, ordinal, title, body FROM plan_requirements WHERE work_plan_id = $1",
            planId, id);
        var areas = new Dictionary<int, int>();
        await foreach (var (ordinal, areaId) in sql.PairsAsync("SELECT ordinal, id FROM key_areas WHERE work_plan_id = $1", id))
            areas[ordinal] = areaId;
        return (id, year, areas);
    }

    /// <summary>The 2023 plan's own tasks keep their rows: their deadline and figure are set in one batch.</summary>
    private static async Task UpdateTemplatesAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        IReadOnlyList<(int Id, int Lead, DateOnly? Deadline, int Percent)> figures, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var (id, lead, deadline, percent) in figures)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE tasks SET deadline = $2, percent_complete = $3, status = $4, lead_section_id = $5 WHERE id = $1")
            {
                Parameters =
                {
                    new NpgsqlParameter<int> { TypedValue = id },
                    new NpgsqlParameter { Value = deadline is { } d ? d : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date },
                    new NpgsqlParameter<int> { TypedValue = percent },
                    new NpgsqlParameter<string> { TypedValue = PlanTask.StatusFor(percent).ToString() },
                    new NpgsqlParameter<int> { TypedValue = lead },
                },
            });
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Positional-parameter commands in the generator's transaction.</summary>
    private sealed class Sql(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        public async Task ExecuteAsync(string text, params object[] values)
        {
            await using var command = Command(text, values);
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task<object?> ScalarAsync(string text, params object[] values)
        {
            await using var command = Command(text, values);
            return await command.ExecuteScalarAsync(ct);
        }

        public async Task<long> ScalarLongAsync(string text, params object[] values) => Convert.ToInt64(await ScalarAsync(text, values),
            System.Globalization.CultureInfo.InvariantCulture);

        public async IAsyncEnumerable<(int, int)> PairsAsync(string text, params object[] values)
        {
            await using var command = Command(text, values);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) yield return (reader.GetInt32(0), reader.GetInt32(1));
        }

        private NpgsqlCommand Command(string text, object[] values)
        {
            var command = new NpgsqlCommand(text, connection, tx);
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            return command;
        }
    }
}
