using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// What the history pages call an object — a task by its number and title, a person by name and user name — looked
/// up when the page is read, with one query per kind of object, however many entries the page shows.
/// </summary>
public sealed class AuditTitles
{
    private readonly Dictionary<(string Type, string Key), string> _titles;

    private AuditTitles(Dictionary<(string Type, string Key), string> titles) => _titles = titles;

    public string? Of(string type, string key) => _titles.GetValueOrDefault((type, key));

    public string? Of(string type, int key) => Of(type, Key(key));

    public static async Task<AuditTitles> LoadAsync(PlanDb db, IEnumerable<(string Type, string Key)> wanted, CancellationToken ct)
    {
        var titles = new Dictionary<(string Type, string Key), string>();
        foreach (var group in wanted.GroupBy(w => w.Type))
        {
            var keys = group.Select(w => w.Key).Distinct().ToList();
            foreach (var (key, title) in await QueryAsync(db, group.Key, keys, ct))
                titles[(group.Key, key)] = title;
        }
        return new AuditTitles(titles);
    }

    /// <summary>
    /// Kinds without a name of their own (a 批示) have no query: their fields say what they are. A 工作台账 row is named
    /// when another points to it (the update a 更正 supersedes) by its section, as-of date and percent.
    /// </summary>
    private static async Task<IEnumerable<(string Key, string Title)>> QueryAsync(PlanDb db, string type, List<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().ToList();
        switch (type)
        {
            case nameof(PlanTask):
                return (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
                        .Select(t => new { t.Id, t.Area.Ordinal, t.Number, t.Title }).ToListAsync(ct))
                    .Select(t => (Key(t.Id), Labels.TaskTitle(t.Ordinal, t.Number, t.Title)));
            case nameof(KeyArea):
                return (await db.Areas.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Ordinal, a.Title }).ToListAsync(ct))
                    .Select(a => (Key(a.Id), Labels.AreaOrdinal(a.Ordinal) + a.Title));
            case nameof(WorkPlan):
                return (await db.Plans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                    .Select(p => (Key(p.Id), $"《{p.Title}》"));
            case nameof(PlanRequirement):
                return (await db.Set<PlanRequirement>().AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
                    .Select(r => (Key(r.Id), r.Title));
            case nameof(Organization):
                return (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                    .Select(o => (Key(o.Id), o.Name));
            case nameof(Section):
                return (await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
                    .Select(s => (Key(s.Id), s.Name));
            case nameof(ProgressUpdate):
                var updateIds = LongKeys(keys);
                return (await db.ProgressUpdates.AsNoTracking().Where(u => updateIds.Contains(u.Id))
                        .Join(db.Sections, u => u.SectionId, s => s.Id, (u, s) => new { u.Id, Section = s.Name, u.AsOf, u.Percent }).ToListAsync(ct))
                    .Select(u => (u.Id.ToString(CultureInfo.InvariantCulture), $"{u.Section} {Labels.ChineseDate(u.AsOf)} {u.Percent}%"));
            case nameof(EvidenceFile):
                var fileIds = LongKeys(keys);
                return (await db.EvidenceFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName }).ToListAsync(ct))
                    .Select(f => (f.Id.ToString(CultureInfo.InvariantCulture), f.FileName));
            case nameof(Kpi):
                return (await db.Kpis.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.Name }).ToListAsync(ct))
                    .Select(k => (Key(k.Id), k.Name));
            case nameof(Deliverable):
                return (await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
                    .Select(d => (Key(d.Id), $"《{d.Name}》"));
            case nameof(AppUser):
                return (await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct))
                    .Select(u => (u.Id, AppUser.Label(u.DisplayName, u.UserName)));
            case "Role":
                return (await db.Roles.AsNoTracking().Where(r => keys.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                    .Select(r => (r.Id, Roles.Label(r.Name ?? "")));
            default:
                return [];
        }
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<long> LongKeys(IEnumerable<string> keys) =>
        [.. keys.Select(k => long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()];
}
