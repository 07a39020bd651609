using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Notifications;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// Development only: a plausible year of the 2023 plan, so that every page, the dashboard and the annual report have
/// something real to show on a first run. Each section reports monthly from May to December; the office accepts,
/// and returns a few that the section then corrects; most tasks are done by the year's end, three are behind and
/// two overdue; every KPI has readings (with 2022's counts for 双下降); the leader writes three 批示, two answered.
/// Every text it writes ends in <see cref="Marker"/>. It runs only while the plan has no progress update, so it
/// adds nothing on a second start and never touches a plan someone has started to report on. docs/demo-data.md
/// lists what it creates.
/// </summary>
public static class DemoYear
{
    public const int Year = 2023;
    public const string Marker = "（示例）";

    private const int FirstMonth = 5;
    private const int LastMonth = 12;
    internal const string Reviewer = "政策法规办干部";

    /// <summary>The bureau's clock is Asia/Shanghai, which has kept UTC+8 without daylight saving since 1991.</summary>
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task EnsureAsync(PlanDb db, CancellationToken ct)
    {
        var planId = await db.Plans.Where(p => p.Year == Year && p.Status == PlanStatus.Active).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (planId is null) return;
        // The register has its own once-only check, so a database that had the demo year before the register existed gets it too.
        await DemoRegister.EnsureAsync(db, ct);
        if (await db.ProgressUpdates.AnyAsync(u => db.Tasks.Any(t => t.Id == u.PlanTaskId && t.WorkPlanId == planId), ct)) return;

        var tasks = await db.Tasks.Where(t => t.WorkPlanId == planId && t.LeadSectionId != null)
            .Include(t => t.Plan).Include(t => t.Area).Include(t => t.Supports).Include(t => t.Updates).Include(t => t.Instructions)
            .Include(t => t.Kpis).ThenInclude(k => k.Readings)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder)
            .AsSplitQuery().ToListAsync(ct);
        if (tasks.Count == 0) return;

        var reporters = await ReportersAsync(db, ct);
        var leader = await LeaderAsync(db, ct);
        var profiles = tasks.Select((task, index) => DemoProfile.For(index, tasks.Count)).ToList();

        for (var i = 0; i < tasks.Count; i++)
        {
            tasks[i].Assign(tasks[i].LeadSectionId, tasks[i].Supports.Select(s => s.SectionId), tasks[i].ResponsibleLeader,
                profiles[i].Deadline, tasks[i].ExpectedOutcome);
        }
        await db.SaveChangesAsync(ct);

        for (var month = FirstMonth; month <= LastMonth; month++)
            await ReportMonthAsync(db, tasks, profiles, month, reporters, ct);

        var instructions = AddInstructions(tasks, profiles, leader);
        AddKpiReadings(tasks, reporters);
        await db.SaveChangesAsync(ct);
        foreach (var (task, instruction, kind) in instructions.Where(i => i.Kind != DemoKind.Behind))
        {
            task.AnswerInstruction(instruction.Id, task.LeadSectionId!.Value, DemoTexts.Answer(kind) + Marker,
                reporters(task.LeadSectionId.Value), instruction.IssuedAt.AddDays(7));
        }
        await db.SaveChangesAsync(ct);
        await NotifyAsync(db, tasks, profiles, ct);
    }

    /// <summary>A 催办 on an overdue task in November, and the 站内提醒 the reminder job leaves by the year's last week.</summary>
    private static async Task NotifyAsync(PlanDb db, List<PlanTask> tasks, List<DemoProfile> profiles, CancellationToken ct)
    {
        var overdue = profiles.FindIndex(p => p.Kind == DemoKind.Overdue);
        if (overdue >= 0)
        {
            var urge = tasks[overdue].Urge(DemoTexts.UrgeNote + Marker, Reviewer, At(new DateOnly(Year, 11, 6), 9));
            await db.SaveChangesAsync(ct);
            await NotificationWriter.UrgedAsync(db, urge.Id, ct);
        }
        var day = new DateOnly(Year, 12, 28);
        await NotificationWriter.OverdueAsync(db, day, At(day, 7), ct);
        await NotificationWriter.NewInstructionAsync(db, At(day, 7), ct);
    }

    /// <summary>A month: every section reports, the office reviews, the returned ones are corrected and accepted.</summary>
    private static async Task ReportMonthAsync(PlanDb db, List<PlanTask> tasks, List<DemoProfile> profiles, int month,
        Func<int, string> reporters, CancellationToken ct)
    {
        var asOf = new DateOnly(Year, month, 20);
        var reported = new List<(PlanTask Task, DemoProfile Profile, ProgressUpdate Update)>();
        var files = new List<(EvidenceFile File, byte[] Content)>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var (task, profile) = (tasks[i], profiles[i]);
            if (profile.PercentIn(month) is not int percent) continue;
            var lead = task.LeadSectionId!.Value;
            var update = task.RecordProgress(lead, asOf, percent, DemoTexts.Summary(task, month, percent, i), reporters(lead), At(asOf, 10));
            reported.Add((task, profile, update));
            files.AddRange(DemoEvidence.For(task, update, month, i));
            if (month % 2 != 0) continue;
            foreach (var support in task.Supports)
            {
                task.RecordProgress(support.SectionId, asOf.AddDays(1), percent, DemoTexts.SupportSummary(task, month, i),
                    reporters(support.SectionId), At(asOf.AddDays(1), 11));
            }
        }
        // The files' rows and their content are one transaction, as when a section uploads them.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            foreach (var (file, content) in files)
            {
                await using var stream = new MemoryStream(content, writable: false);
                await EvidenceStore.WriteAsync(db, file.Id, stream, ct);
            }
            await transaction.CommitAsync(ct);
        }

        var returned = new List<(PlanTask Task, ProgressUpdate Update)>();
        foreach (var task in tasks)
        {
            foreach (var update in task.Updates.Where(u => u.Review == ReviewState.Pending && !u.IsSuperseded).ToList())
            {
                var profile = profiles[tasks.IndexOf(task)];
                var isLeadReport = reported.Any(r => r.Update == update);
                if (isLeadReport && profile.ReturnedIn == month)
                {
                    task.ReturnUpdate(update.Id, DemoTexts.ReturnComment(month), Reviewer, At(update.AsOf.AddDays(2), 16));
                    returned.Add((task, update));
                }
                else if (!(isLeadReport && profile.PendingIn == month))
                {
                    task.AcceptUpdate(update.Id, Reviewer, At(update.AsOf.AddDays(2), 16));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        if (returned.Count == 0) return;

        var corrections = returned.Select(r => (r.Task, Update: r.Task.RecordProgress(r.Update.SectionId, r.Update.AsOf, r.Update.Percent,
            r.Update.Summary.Replace(Marker, "", StringComparison.Ordinal) + DemoTexts.CorrectionAddendum + Marker,
            r.Update.RecordedBy, At(r.Update.AsOf.AddDays(4), 9), r.Update.Id))).ToList();
        await db.SaveChangesAsync(ct);
        foreach (var (task, update) in corrections)
            task.AcceptUpdate(update.Id, Reviewer, At(update.AsOf.AddDays(5), 15));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>三条批示: on an overdue task and a finished one (both answered a week later), and on a task behind (left open).</summary>
    private static List<(PlanTask Task, Instruction Instruction, DemoKind Kind)> AddInstructions(List<PlanTask> tasks,
        List<DemoProfile> profiles, string leader)
    {
        var picks = new[] { (DemoKind.Overdue, new DateOnly(Year, 9, 5)), (DemoKind.Done, new DateOnly(Year, 6, 12)), (DemoKind.Behind, new DateOnly(Year, 11, 20)) };
        var added = new List<(PlanTask, Instruction, DemoKind)>();
        foreach (var (kind, on) in picks)
        {
            var index = profiles.FindIndex(p => p.Kind == kind);
            if (index < 0) continue;
            added.Add((tasks[index], tasks[index].AddInstruction(DemoTexts.Instruction(kind) + Marker, leader, At(on, 9)), kind));
        }
        return added;
    }

    private static void AddKpiReadings(List<PlanTask> tasks, Func<int, string> reporters)
    {
        var percentageKpis = tasks.SelectMany(t => t.Kpis).Where(k => k is { Kind: KpiKind.Percentage, Comparator: KpiComparator.AtLeast }).ToList();
        var unmet = percentageKpis.OrderByDescending(k => k.Target).ThenBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault();
        foreach (var task in tasks)
        {
            foreach (var kpi in task.Kpis)
            {
                foreach (var reading in DemoReading.For(kpi, kpi == unmet))
                {
                    task.RecordKpiReading(kpi.Id, reading.AsOf, reading.Percent, reading.Numerator, reading.Denominator,
                        reading.ThisYear, reading.LastYear, DemoTexts.KpiSource(kpi) + Marker, reporters(task.LeadSectionId!.Value),
                        At(reading.AsOf.AddDays(5), 10));
                }
            }
        }
    }

    /// <summary>Who writes the 批示: the first leader account, else "局领导".</summary>
    internal static async Task<string> LeaderAsync(PlanDb db, CancellationToken ct) =>
        await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Leader)))
            .OrderBy(u => u.UserName).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "局领导";

    /// <summary>
    /// Who reports for a section: its demo section head, else "(section)负责人", or "科室负责人" for a section whose name
    /// (up to 100 characters) leaves no room for the word in a 填报人.
    /// </summary>
    internal static async Task<Func<int, string>> ReportersAsync(PlanDb db, CancellationToken ct)
    {
        var sections = await db.Sections.ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var heads = await db.Users.Where(u => u.SectionId != null
                && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.SectionHead)))
            .Select(u => new { SectionId = u.SectionId!.Value, u.DisplayName }).ToListAsync(ct);
        var bySection = heads.GroupBy(h => h.SectionId).ToDictionary(g => g.Key, g => g.First().DisplayName);
        return sectionId => bySection.GetValueOrDefault(sectionId) ?? Head(sections.GetValueOrDefault(sectionId, "科室"));

        static string Head(string section) =>
            section.Length + "负责人".Length <= ProgressUpdate.MaxRecordedByLength ? section + "负责人" : "科室负责人";
    }

    internal static DateTimeOffset At(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), China).ToUniversalTime();
}
