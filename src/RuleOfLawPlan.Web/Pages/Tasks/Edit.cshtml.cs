using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>任务分解: the office assigns lead and supporting sections, the responsible leader, deadline and outcome.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class EditModel(PlanDb db, IAuthorizationService auth) : PageModel
{
    public sealed record SectionOption(int Id, string Name, bool IsActive);

    [BindProperty]
    public Input Form { get; set; } = new();

    public PlanTask PlanTask { get; private set; } = null!;
    public IReadOnlyList<SectionOption> Sections { get; private set; } = [];
    public SectionNames SectionNames { get; private set; } = SectionNames.None;

    /// <summary>领导职务 the leaders' accounts hold: what 责任领导 is best written as, so that overdue reminders reach them.</summary>
    public IReadOnlyList<string> LeaderTitles { get; private set; } = [];

    /// <summary>Set when someone else changed the task meanwhile: the values as stored now.</summary>
    public PlanTask? Current { get; private set; }

    public sealed record Input
    {
        public int? LeadSectionId { get; init; }
        public List<int> SupportingSectionIds { get; init; } = [];
        public string? ResponsibleLeader { get; init; }
        public bool Ongoing { get; init; }
        public DateOnly? Deadline { get; init; }
        [DataType(DataType.MultilineText)]
        public string? ExpectedOutcome { get; init; }
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.SupportingSectionIds)
                .Must((input, ids) => input.LeadSectionId is not int lead || !ids.Contains(lead))
                .WithMessage("牵头科室不能同时作为配合科室")
                .Must((input, ids) => ids.Count == 0 || input.LeadSectionId is not null)
                .WithMessage("请先指定牵头科室，再指定配合科室");
            RuleFor(x => x.ResponsibleLeader).MaximumLength(100).WithMessage("责任领导不能超过100个字");
            RuleFor(x => x.Deadline).NotNull().When(x => !x.Ongoing).WithMessage("请填写完成时限，或选择常态化");
            RuleFor(x => x.Deadline).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31))
                .When(x => !x.Ongoing && x.Deadline is not null).WithMessage("完成时限无效");
            RuleFor(x => x.ExpectedOutcome).MaximumLength(2_000).WithMessage("预期成果不能超过2000个字");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Form = FormOf(PlanTask);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        var known = Sections.Select(s => s.Id).ToHashSet();
        if (Form.LeadSectionId is int lead && !known.Contains(lead) || Form.SupportingSectionIds.Any(s => !known.Contains(s)))
        {
            ModelState.AddModelError("", "所选科室不存在或已停用");
            return Page();
        }
        var result = await db.TrySaveAsync(PlanTask, Form.Version, t => t.Assign(Form.LeadSectionId, Form.SupportingSectionIds,
            Form.ResponsibleLeader, Form.Ongoing ? null : Form.Deadline, Form.ExpectedOutcome), ModelState, ct);
        if (result == SaveResult.Saved) return RedirectToPage("/Tasks/Details", new { id });
        // After a conflict the stored values are shown beside the user's input, which the form keeps.
        if (result == SaveResult.Conflict && (Current = await db.LoadCurrentAsync(id, ct)) is null) return NotFound();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } task) return NotFound();
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.Manage)).Succeeded) return Forbid();
        PlanTask = task;
        // Active sections, and any inactive one the task still names, so that saving does not drop it silently.
        var assigned = task.Supports.Select(s => s.SectionId).Append(task.LeadSectionId ?? 0).ToList();
        Sections = await db.Sections.AsNoTracking()
            .Where(s => s.IsActive || assigned.Contains(s.Id))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectionOption(s.Id, s.Name, s.IsActive))
            .ToListAsync(ct);
        SectionNames = new SectionNames(Sections.ToDictionary(s => s.Id, s => s.Name));
        // Only leaders keep 领导职务 (AccountService), so no role is joined.
        var held = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.LeaderTitles != "").Select(u => u.LeaderTitles).ToListAsync(ct);
        LeaderTitles = [.. held.SelectMany(AppUser.SplitTitles).Distinct().Order(StringComparer.Ordinal)];
        return null;
    }

    private static Input FormOf(PlanTask task) => new()
    {
        LeadSectionId = task.LeadSectionId,
        SupportingSectionIds = [.. task.Supports.Select(s => s.SectionId)],
        ResponsibleLeader = task.ResponsibleLeader,
        Ongoing = task.Deadline is null,
        Deadline = task.Deadline,
        ExpectedOutcome = task.ExpectedOutcome,
        Version = task.Version,
    };
}
