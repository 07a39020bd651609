using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;
using RuleOfLawPlan.Web.Notifications;
using RuleOfLawPlan.Web.Pages.Reports;
using RuleOfLawPlan.Web.Pages.Shared;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace RuleOfLawPlan.Web.Tests.Data;

/// <summary>The Development demo year of the 2023 plan: what docs/demo-data.md promises, and nothing twice.</summary>
public sealed class DemoYearTests(PostgresClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly YearEnd = new(2023, 12, 31);

    private async Task<string> DemoDatabaseAsync()
    {
        var connectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(await AppFixture.SeededTemplateAsync(cluster)));
        await using var db = Open(connectionString);
        await DemoYear.EnsureAsync(db, Ct);
        return connectionString;
    }

    private static PlanDb Open(string connectionString) =>
        new(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), connectionString).Options);

    private static Task<List<PlanTask>> TasksAsync(PlanDb db) =>
        db.Tasks.Where(t => t.Plan.Year == 2023 && t.LeadSectionId != null)
            .Include(t => t.Plan).Include(t => t.Updates).Include(t => t.Instructions).Include(t => t.Kpis).ThenInclude(k => k.Readings)
            .AsSplitQuery().ToListAsync(Ct);

    [Fact]
    public async Task Every_task_is_reported_monthly_from_may_by_its_lead_and_most_are_done_by_the_years_end()
    {
        await using var db = Open(await DemoDatabaseAsync());
        var tasks = await TasksAsync(db);

        tasks.Count.ShouldBe(26);
        foreach (var task in tasks)
        {
            var leadMonths = task.Updates.Where(u => u.SectionId == task.LeadSectionId && u.SupersedesId == null).Select(u => u.AsOf.Month).Order().ToList();
            leadMonths.ShouldNotBeEmpty();
            leadMonths.Min().ShouldBe(5, task.Title);
            leadMonths.ShouldBe(Enumerable.Range(5, leadMonths.Max() - 4), task.Title);
            task.Updates.ShouldAllBe(u => u.Summary.EndsWith(DemoYear.Marker));
        }
        tasks.SelectMany(t => t.Updates).ShouldContain(u => u.SectionId != tasks.First(t => t.Id == u.PlanTaskId).LeadSectionId,
            "supporting sections report on their part");
        tasks.Count(t => t.Status == PlanTaskStatus.Completed).ShouldBe(21);
    }

    [Fact]
    public async Task Two_tasks_are_overdue_and_three_behind_at_the_years_end()
    {
        await using var db = Open(await DemoDatabaseAsync());
        var tasks = await TasksAsync(db);

        tasks.Count(t => t.Deadline < YearEnd && t.Status != PlanTaskStatus.Completed).ShouldBe(2);
        tasks.Count(t => t.Deadline == YearEnd && t.Status != PlanTaskStatus.Completed).ShouldBe(3);
        tasks.ShouldContain(t => t.Deadline == null, "常态化 tasks stay without a deadline");
    }

    [Fact]
    public async Task Some_reports_are_returned_and_corrected_and_the_latest_few_wait_for_review()
    {
        await using var db = Open(await DemoDatabaseAsync());
        var updates = (await TasksAsync(db)).SelectMany(t => t.Updates).ToList();

        var returned = updates.Where(u => u.Review == ReviewState.Returned).ToList();
        returned.Count.ShouldBe(4);
        returned.ShouldAllBe(r => r.IsSuperseded && !string.IsNullOrEmpty(r.ReviewComment));
        foreach (var original in returned)
            updates.Single(u => u.SupersedesId == original.Id).Review.ShouldBe(ReviewState.Accepted);
        updates.Where(u => u.Review == ReviewState.Pending).Select(u => u.AsOf.Month).ShouldBe([12, 12]);
    }

    [Fact]
    public async Task Every_kpi_has_readings_year_on_year_ones_with_last_years_counts_and_one_ends_short()
    {
        await using var db = Open(await DemoDatabaseAsync());
        var kpis = (await TasksAsync(db)).SelectMany(t => t.Kpis).ToList();

        kpis.Count.ShouldBe(8);
        kpis.ShouldAllBe(k => k.Readings.Count >= 2);
        kpis.Where(k => k.Kind == KpiKind.YearOnYearCount).SelectMany(k => k.Readings).ShouldAllBe(r => r.LastYearCount != null);
        kpis.Select(k => k.Evaluate(YearEnd)).Count(a => a == KpiAttainment.NotMet).ShouldBe(1);
        kpis.Select(k => k.Evaluate(YearEnd)).ShouldNotContain(KpiAttainment.NoData);
    }

    [Fact]
    public async Task The_leader_writes_three_instructions_and_two_are_answered()
    {
        await using var db = Open(await DemoDatabaseAsync());
        var instructions = (await TasksAsync(db)).SelectMany(t => t.Instructions).ToList();

        instructions.Count.ShouldBe(3);
        instructions.Count(i => i.IsOpen).ShouldBe(1);
        instructions.Where(i => !i.IsOpen).ShouldAllBe(i => i.Answer!.EndsWith(DemoYear.Marker) && i.AnsweredAt > i.IssuedAt);
    }

    [Fact]
    public async Task Some_reports_carry_minutes_as_pdf_and_photos_as_png_stored_whole()
    {
        var connectionString = await DemoDatabaseAsync();
        await using var db = Open(connectionString);
        var files = await db.EvidenceFiles.ToListAsync(Ct);

        files.ShouldContain(f => f.Kind == EvidenceKind.Pdf && f.FileName.EndsWith(".pdf"));
        files.ShouldContain(f => f.Kind == EvidenceKind.Png && f.FileName.EndsWith(".png"));
        files.ShouldAllBe(f => f.ProgressUpdateId != null);
        var stored = await db.EvidenceChunks.GroupBy(c => c.EvidenceFileId).Select(g => new { g.Key, Length = g.Sum(c => (long)c.Data.Length) })
            .ToDictionaryAsync(x => x.Key, x => x.Length, Ct);
        files.ShouldAllBe(f => stored[f.Id] == f.Length);
    }

    [Fact]
    public async Task An_overdue_task_is_urged_and_section_heads_find_reminders_in_their_inbox()
    {
        var connectionString = await DemoDatabaseAsync();
        await using var db = Open(connectionString);

        (await db.TaskUrges.CountAsync(Ct)).ShouldBe(1);
        var kinds = await db.Notifications.Select(n => n.Kind).Distinct().ToListAsync(Ct);
        kinds.ShouldBe([NotificationKind.Urged, NotificationKind.Overdue, NotificationKind.NewInstruction], ignoreOrder: true);
    }

    [Fact]
    public async Task A_second_run_adds_nothing()
    {
        var connectionString = await DemoDatabaseAsync();
        const string counts = "SELECT (SELECT count(*) FROM progress_updates) + (SELECT count(*) FROM kpi_readings) * 1000 + (SELECT count(*) FROM instructions) * 1000000 + (SELECT count(*) FROM notifications) * 100000000 + (SELECT count(*) FROM leadership_activities) * 10000000000 + (SELECT count(*) FROM activity_evidence_files) * 1000000000000";
        var before = await Sql.Scalar<long>(connectionString, counts);

        await using (var db = Open(connectionString))
            await DemoYear.EnsureAsync(db, Ct);

        before.ShouldBeGreaterThan(0);
        (await Sql.Scalar<long>(connectionString, counts)).ShouldBe(before);
    }

    [Fact]
    public async Task The_leadership_register_has_each_kind_of_the_year_some_with_files_stored_whole_some_linked_to_tasks()
    {
        var connectionString = await DemoDatabaseAsync();
        await using var db = Open(connectionString);
        var entries = await db.LeadershipActivities.Include(a => a.Plan).Include(a => a.Evidence).Include(a => a.Tasks).ToListAsync(Ct);

        var counts = entries.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        counts.ShouldBe(new Dictionary<LeadershipActivityKind, int>
        {
            [LeadershipActivityKind.PartyGroupMeeting] = 4, [LeadershipActivityKind.LeadingGroupMeeting] = 2,
            [LeadershipActivityKind.CentralGroupStudy] = 4, [LeadershipActivityKind.WeeklyStudy] = 12,
            [LeadershipActivityKind.ReportOnLaw] = 1, [LeadershipActivityKind.LegalityReview] = 3,
        }, ignoreOrder: true);
        entries.ShouldAllBe(a => a.Plan.Year == 2023 && a.HeldOn.Year == 2023);
        entries.ShouldAllBe(a => a.Title.EndsWith(DemoYear.Marker) && a.Summary.EndsWith(DemoYear.Marker));
        entries.Count(a => a.Evidence.Count > 0).ShouldBeInRange(5, entries.Count - 5);
        entries.Count(a => a.Tasks.Count > 0).ShouldBeInRange(10, entries.Count - 1);
        var firstArea = await db.Tasks.Where(t => t.Plan.Year == 2023 && t.Area.Ordinal == 1).Select(t => t.Id).SingleAsync(Ct);
        entries.Where(a => a.Kind == LeadershipActivityKind.PartyGroupMeeting).ShouldContain(a => a.Tasks.Any(t => t.PlanTaskId == firstArea));

        var files = entries.SelectMany(a => a.Evidence).ToList();
        var stored = await db.ActivityEvidenceChunks.GroupBy(c => c.ActivityEvidenceFileId)
            .Select(g => new { g.Key, Length = g.Sum(c => (long)c.Data.Length) }).ToDictionaryAsync(x => x.Key, x => x.Length, Ct);
        files.ShouldAllBe(f => f.Kind == EvidenceKind.Pdf && stored[f.Id] == f.Length);
    }

    [Fact]
    public async Task A_database_that_had_the_demo_year_before_the_register_gets_the_register_once()
    {
        var connectionString = await DemoDatabaseAsync();
        await Sql.Execute(connectionString, "DELETE FROM leadership_activities");

        await using (var db = Open(connectionString))
            await DemoYear.EnsureAsync(db, Ct);
        await using (var db = Open(connectionString))
            await DemoYear.EnsureAsync(db, Ct);

        (await Sql.Scalar<long>(connectionString, "SELECT count(*) FROM leadership_activities")).ShouldBe(26);
    }

    [Fact]
    public async Task The_2023_report_is_drafted_once_as_a_draft_from_the_demo_year()
    {
        var connectionString = await DemoDatabaseAsync();
        await using (var db = Open(connectionString))
            await DemoReport.EnsureAsync(db, Drafter(db).DraftAsync, NullLogger.Instance, Ct);
        await using (var again = Open(connectionString))
            await DemoReport.EnsureAsync(again, Drafter(again).DraftAsync, NullLogger.Instance, Ct);

        await using var check = Open(connectionString);
        var report = await check.Reports.Include(r => r.Revisions).ThenInclude(v => v.Parts).Include(r => r.Steps).AsSplitQuery()
            .SingleAsync(r => r.Year == 2023, Ct);
        report.Status.ShouldBe(ReportStatus.Draft);
        report.Title.ShouldBe("日喀则市城市管理和综合执法局2023年度法治政府建设工作情况报告");
        report.Steps.Select(s => s.Kind).ShouldBe([ReportStepKind.Drafted]);
        var achievements = report.Current.Part(1);
        achievements.Text.ShouldStartWith("（一）");
        achievements.DraftParagraphs.ShouldContain(p => p.Source.StartsWith("进展 #"));
        achievements.Text.ShouldContain("达标");
        report.Current.Part(2).Text.ShouldContain("未达标", customMessage: "人大、政协意见建议满意率 ends the year short");
        report.Current.Part(2).Text.ShouldContain("已逾期");
        report.Current.Part(3).Text.ShouldStartWith("（一）党组会议（全年4次）");
        report.Current.Part(3).DraftParagraphs.Count(p => p.Source.StartsWith("领导履职台账 #", StringComparison.Ordinal)).ShouldBe(26);
    }

    [Fact]
    public async Task A_demo_report_the_reports_rules_refuse_is_logged_as_an_error_and_start_up_goes_on_without_it()
    {
        var connectionString = await DemoDatabaseAsync();
        var tooLong = new string('字', ReportPart.MaxLength + 1);
        IReadOnlyList<DraftedPart> refused = [.. ReportParts.Numbers.Select(n => new DraftedPart(n, [new DraftParagraph(n == 1 ? tooLong : "无", "")]))];
        var log = new LogCapture();
        using var loggers = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(log).CreateLogger(), dispose: true);

        await using (var db = Open(connectionString))
            await DemoReport.EnsureAsync(db, (_, _) => Task.FromResult<IReadOnlyList<DraftedPart>?>(refused), loggers.CreateLogger("DemoReport"), Ct);

        log.Events.ShouldHaveSingleItem().Level.ShouldBe(LogEventLevel.Error);
        log.Events.Single().Exception.ShouldBeOfType<DomainException>();
        (await Sql.Scalar<long>(connectionString, "SELECT count(*) FROM annual_reports")).ShouldBe(0);
    }

    [Fact]
    public async Task A_section_without_a_head_whose_name_is_as_long_as_allowed_still_reports_within_the_reporters_limit()
    {
        var connectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(await AppFixture.SeededTemplateAsync(cluster)));
        var section = await Sql.Scalar<int>(connectionString,
            "SELECT t.lead_section_id FROM tasks t JOIN plans p ON p.id = t.work_plan_id WHERE p.year = 2023 AND t.lead_section_id IS NOT NULL ORDER BY t.id LIMIT 1");
        await Sql.Execute(connectionString, $"UPDATE sections SET name = repeat('科', 100) WHERE id = {section}");
        await Sql.Execute(connectionString, $"DELETE FROM asp_net_user_roles WHERE user_id IN (SELECT id FROM asp_net_users WHERE section_id = {section})");

        await using (var db = Open(connectionString))
            await DemoYear.EnsureAsync(db, Ct);

        await using var check = Open(connectionString);
        var reporters = await check.ProgressUpdates.Where(u => u.SectionId == section).Select(u => u.RecordedBy).Distinct().ToListAsync(Ct);
        reporters.ShouldBe(["科室负责人"]);
    }

    private static ReportDrafter Drafter(PlanDb db) =>
        new(db, new SupervisionQuery(db, SupervisionSettings.Default, TimeProvider.System));
}
