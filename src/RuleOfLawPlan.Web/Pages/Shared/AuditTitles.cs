using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// What the history pages call an object — a task by its number and title, a person by name and user name — looked
/// up when the page is read, with one query per kind of object, however many entries the page shows; and for an
/// object that has a page of its own (a task, a register entry, the annual report), where it is seen.
/// </summary>
public sealed class AuditTitles
{
    private readonly Dictionary<(string Type, string Key), (string Title, AuditHistory.PageLink? Link)> _titles;

    private AuditTitles(Dictionary<(string Type, string Key), (string Title, AuditHistory.PageLink? Link)> titles) => _titles = titles;

    public string? Of(string type, string key) => _titles.TryGetValue((type, key), out var named) ? named.Title : null;

    public string? Of(string type, int key) => Of(type, Key(key));

    /// <summary>The page that shows the object now; null for an object without one, or no longer there.</summary>
    public AuditHistory.PageLink? LinkOf(string type, string key) => _titles.TryGetValue((type, key), out var named) ? named.Link : null;

    public static async Task<AuditTitles> LoadAsync(PlanDb db, IEnumerable<(string Type, string Key)> wanted, CancellationToken ct)
    {
        var titles = new Dictionary<(string Type, string Key), (string Title, AuditHistory.PageLink? Link)>();
        foreach (var group in wanted.GroupBy(w => w.Type))
        {
            var keys = group.Select(w => w.Key).Distinct().ToList();
            foreach (var (key, title, link) in await QueryAsync(db, group.Key, keys, ct))
                titles[(group.Key, key)] = (title, link);
        }
        return new AuditTitles(titles);
    }

    /// <summary>
    /// Kinds without a name of their own (a 批示) have no query: their fields say what they are. A 工作台账 row is named
    /// when another points to it (the update a 更正 supersedes) by its section, as-of date and percent.
    /// </summary>
    private static async Task<IEnumerable<(string Key, string Title, AuditHistory.PageLink? Link)>> QueryAsync(PlanDb db, string type, List<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().ToList();
        switch (type)
        {
            case nameof(PlanTask):
                return (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
                        .Select(t => new { t.Id, t.Area.Ordinal, t.Number, t.Title }).ToListAsync(ct))
                    .Select(t => (Key(t.Id), Labels.TaskTitle(t.Ordinal, t.Number, t.Title), Link("/Tasks/Details", new { id = t.Id })));
            case nameof(KeyArea):
                return (await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Ordinal, a.Title }).ToListAsync(ct))
                    .Select(a => (Key(a.Id), Labels.AreaOrdinal(a.Ordinal) + a.Title, NoLink));
            case nameof(WorkPlan):
                return (await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                    .Select(p => (Key(p.Id), $"《{p.Title}》", NoLink));
            case nameof(PlanRequirement):
                return (await db.Set<PlanRequirement>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
                    .Select(r => (Key(r.Id), r.Title, NoLink));
            case nameof(Organization):
                return (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                    .Select(o => (Key(o.Id), o.Name, NoLink));
            case nameof(Section):
                return (await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
                    .Select(s => (Key(s.Id), s.Name, NoLink));
            case nameof(ProgressUpdate):
                var updateIds = LongKeys(keys);
                return (await db.ProgressUpdates.AsNoTracking().Where(u => updateIds.Contains(u.Id))
                        .Join(db.Sections, u => u.SectionId, s => s.Id, (u, s) => new { u.Id, Section = s.Name, u.AsOf, u.Percent }).ToListAsync(ct))
                    .Select(u => (u.Id.ToString(CultureInfo.InvariantCulture), $"{u.Section} {Labels.ChineseDate(u.AsOf)} {u.Percent}%", NoLink));
            case nameof(EvidenceFile):
                var fileIds = LongKeys(keys);
                return (await db.EvidenceFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName }).ToListAsync(ct))
                    .Select(f => (f.Id.ToString(CultureInfo.InvariantCulture), f.FileName, NoLink));
            case nameof(Kpi):
                return (await db.Kpis.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.Name }).ToListAsync(ct))
                    .Select(k => (Key(k.Id), k.Name, NoLink));
            case nameof(Deliverable):
                return (await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
                    .Select(d => (Key(d.Id), $"《{d.Name}》", NoLink));
            case nameof(AppUser):
                return (await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct))
                    .Select(u => (u.Id, AppUser.Label(u.DisplayName, u.UserName), NoLink));
            case "Role":
                return (await db.Roles.AsNoTracking().Where(r => keys.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                    .Select(r => (r.Id, Roles.Label(r.Name ?? ""), NoLink));
            case nameof(LeadershipActivity):
                return (await db.LeadershipActivities.AsNoTracking().Where(a => ids.Contains(a.Id))
                        .Select(a => new { a.Id, a.WorkPlanId, a.HeldOn, a.Kind, a.Title }).ToListAsync(ct))
                    .Select(a => (Key(a.Id), $"{Labels.ChineseDate(a.HeldOn)} {Labels.Of(a.Kind)}：{a.Title}",
                        Link("/Activities/Index", new { plan = a.WorkPlanId }, $"activity-{a.Id}")));
            case nameof(ActivityEvidenceFile):
                var activityFileIds = LongKeys(keys);
                return (await db.ActivityEvidenceFiles.AsNoTracking().Where(f => activityFileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName })
                        .ToListAsync(ct))
                    .Select(f => (f.Id.ToString(CultureInfo.InvariantCulture), f.FileName, NoLink));
            case nameof(AnnualReport):
                return (await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.WorkPlanId, r.Title }).ToListAsync(ct))
                    .Select(r => (Key(r.Id), $"《{r.Title}》", Link("/Reports/Index", new { id = r.WorkPlanId })));
            case nameof(ReportRevision):
                return (await db.ReportRevisions.AsNoTracking().Where(v => ids.Contains(v.Id))
                        .Join(db.Reports, v => v.AnnualReportId, r => r.Id, (v, r) => new { v.Id, v.Number, r.WorkPlanId, r.Title }).ToListAsync(ct))
                    .Select(v => (Key(v.Id), RevisionTitle(v.Title, v.Number), Link("/Reports/Index", new { id = v.WorkPlanId, revision = v.Number })));
            case nameof(ReportPart):
                return (await db.Set<ReportPart>().AsNoTracking().Where(p => ids.Contains(p.Id))
                        .Join(db.ReportRevisions, p => p.ReportRevisionId, v => v.Id, (p, v) => new { p.Id, Part = p.Number, v.Number, v.AnnualReportId })
                        .Join(db.Reports, p => p.AnnualReportId, r => r.Id, (p, r) => new { p.Id, p.Part, p.Number, r.WorkPlanId, r.Title }).ToListAsync(ct))
                    .Select(p => (Key(p.Id), $"{RevisionTitle(p.Title, p.Number)} {ReportParts.Heading(p.Part)}",
                        Link("/Reports/Index", new { id = p.WorkPlanId, revision = p.Number }, $"part-{p.Part}")));
            default:
                return [];
        }
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static AuditHistory.PageLink? NoLink => null;

    private static AuditHistory.PageLink? Link(string page, object values, string? fragment = null) => new(page, values, fragment);

    /// <summary>"《…年度法治政府建设工作情况报告》第2版": a revision as the report page numbers it.</summary>
    private static string RevisionTitle(string reportTitle, int number) => $"《{reportTitle}》第{number}版";

    private static List<long> LongKeys(IEnumerable<string> keys) =>
        [.. keys.Select(k => long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()];
}
