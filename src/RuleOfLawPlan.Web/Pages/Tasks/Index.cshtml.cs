using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>
/// 任务清单: a plan's tasks for the office and leaders, filtered by area, section (lead or supporting), light, status,
/// responsible leader, as of a day. Every filter is a query-string value (<see cref="Filter"/>), so other pages (the
/// dashboard's counts) link to exactly the tasks they count. The plan's tasks are read whole and filtered in memory:
/// a plan has hundreds of tasks at most, the light is judged in memory anyway, and the counts per light need them all.
/// </summary>
[Authorize(Policy = Policies.TaskList)]
public sealed class IndexModel(PlanDb db, SupervisionQuery supervision) : PageModel
{
    public sealed record PlanOption(int Id, int Year, string Title, PlanStatus Status);

    public sealed record TaskRow(
        int Id, int AreaOrdinal, string AreaTitle, int SortOrder, int? Number, string Title, int? LeadSectionId,
        IReadOnlyList<int> SupportingSectionIds, string? ResponsibleLeader, DateOnly? Deadline, PlanTaskStatus Status, int PercentComplete);

    public sealed record Item(TaskRow Task, SupervisionAssessment Light);

    public sealed record AreaOption(int Ordinal, string Title);

    /// <summary>
    /// The query string: <c>plan</c> (plan id; default the plan in execution, else the newest), <c>area</c> (the area's
    /// ordinal in the plan, 1 = （一）), <c>section</c> (section id, leading or supporting), <c>light</c> (Red, Yellow,
    /// Blue, Green, Done), <c>status</c> (NotStarted, InProgress, Completed), <c>leader</c> (责任领导, exactly as on the
    /// task), <c>asOf</c> (yyyy-MM-dd), <c>role</c> (Lead, Support: narrows <c>section</c> to the tasks it leads or supports).
    /// </summary>
    public sealed record Filter
    {
        public int? Plan { get; init; }
        public int? Area { get; init; }
        public int? Section { get; init; }
        public SectionRole? Role { get; init; }
        public SupervisionLight? Light { get; init; }
        public PlanTaskStatus? Status { get; init; }
        public string? Leader { get; init; }
        public DateOnly? AsOf { get; init; }
    }

    public sealed class Validator : AbstractValidator<Filter>
    {
        public Validator()
        {
            RuleFor(x => x.Light).IsInEnum().WithMessage("督办状态无效");
            RuleFor(x => x.Status).IsInEnum().WithMessage("任务状态无效");
            RuleFor(x => x.Role).IsInEnum().WithMessage("牵头或配合无效");
            RuleFor(x => x.Leader).MaximumLength(100).WithMessage("责任领导不能超过100个字符");
        }
    }

    [BindProperty(SupportsGet = true)]
    public Filter Query { get; set; } = new();

    public IReadOnlyList<PlanOption> Plans { get; private set; } = [];
    public PlanOption? Plan { get; private set; }
    public DateOnly AsOf { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<AreaOption> Areas { get; private set; } = [];
    public IReadOnlyList<string> Leaders { get; private set; } = [];
    public IReadOnlyList<int> SectionIds { get; private set; } = [];

    /// <summary>Tasks per light among those the other filters keep: each count links to its list.</summary>
    public IReadOnlyDictionary<SupervisionLight, int> LightCounts { get; private set; } = new Dictionary<SupervisionLight, int>();

    public SectionNames SectionNames { get; private set; } = SectionNames.None;

    public async Task<IActionResult> OnGetAsync([FromServices] IValidator<Filter> validator, CancellationToken ct)
    {
        Plans = await db.Plans.AsNoTracking()
            .OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanOption(p.Id, p.Year, p.Title, p.Status))
            .ToListAsync(ct);
        Plan = Query.Plan is int planId ? Plans.FirstOrDefault(p => p.Id == planId) : Plans.Count > 0 ? Plans[0] : null;
        if (Plan is null) return Query.Plan is null ? Page() : NotFound();

        var valid = validator.Validate(Query).AddTo(ModelState, nameof(Query));
        AsOf = supervision.AsOf(Plan.Year, Query.AsOf, ModelState);

        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.WorkPlanId == Plan.Id)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder)
            .Select(t => new TaskRow(t.Id, t.Area.Ordinal, t.Area.Title, t.SortOrder, t.Number, t.Title, t.LeadSectionId,
                t.Supports.OrderBy(s => s.SectionId).Select(s => s.SectionId).ToList(),
                t.ResponsibleLeader, t.Deadline, t.Status, t.PercentComplete))
            .ToListAsync(ct);
        var lights = await supervision.AssessPlanAsync(Plan.Id, AsOf, ct);
        SectionNames = await SectionNames.LoadAsync(db, ct);

        var all = rows.Select(r => new Item(r, lights[r.Id])).ToList();
        Areas = [.. rows.Select(r => new AreaOption(r.AreaOrdinal, r.AreaTitle)).Distinct()];
        Leaders = [.. rows.Select(r => r.ResponsibleLeader).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        SectionIds = [.. rows.SelectMany(r => r.SupportingSectionIds.Prepend(r.LeadSectionId ?? 0)).Where(id => id > 0).Distinct()
            .OrderBy(id => SectionNames.Of(id), StringComparer.Ordinal)];

        if (!valid) return Page();
        var kept = all.Where(MatchesAllButLight).ToList();
        LightCounts = kept.GroupBy(i => i.Light.Light).ToDictionary(g => g.Key, g => g.Count());
        Items = Query.Light is { } light ? [.. kept.Where(i => i.Light.Light == light)] : kept;
        return Page();
    }

    private bool MatchesAllButLight(Item item)
    {
        var task = item.Task;
        return (Query.Area is not int area || task.AreaOrdinal == area)
            && (Query.Section is not int section || Query.Role switch
            {
                SectionRole.Lead => task.LeadSectionId == section,
                SectionRole.Support => task.SupportingSectionIds.Contains(section),
                _ => task.LeadSectionId == section || task.SupportingSectionIds.Contains(section),
            })
            && (Query.Status is not { } status || task.Status == status)
            && (string.IsNullOrEmpty(Query.Leader) || task.ResponsibleLeader == Query.Leader);
    }

    /// <summary>The query string of this list with the light filter set to <paramref name="light"/>: the light counts link with it.</summary>
    public Dictionary<string, string> RouteWith(SupervisionLight? light)
    {
        var values = new Dictionary<string, string?>
        {
            ["plan"] = Plan?.Id.ToString(CultureInfo.InvariantCulture),
            ["area"] = Query.Area?.ToString(CultureInfo.InvariantCulture),
            ["section"] = Query.Section?.ToString(CultureInfo.InvariantCulture),
            ["role"] = Query.Role?.ToString(),
            ["light"] = light?.ToString(),
            ["status"] = Query.Status?.ToString(),
            ["leader"] = Query.Leader,
            ["asOf"] = Query.AsOf is null ? null : AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    /// <summary>How the <c>section</c> filter takes a task's sections: the one leading it, or one of those supporting it.</summary>
    public enum SectionRole
    {
        Lead = 1,
        Support = 2,
    }

    public static IReadOnlyList<SupervisionLight> LightsInOrder { get; } = Enum.GetValues<SupervisionLight>();
}
