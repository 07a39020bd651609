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

/// <summary>
/// 审核: the office's queue of progress updates waiting for review, oldest first; each is accepted (采纳) or
/// returned (退回, with a comment) against the version of its task the queue showed.
/// </summary>
[Authorize(Policy = Policies.Review)]
public sealed class ReviewModel(PlanDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    /// <summary>The queue shows this many of the oldest; the rest come up as these are reviewed.</summary>
    public const int Limit = 200;

    public sealed record PendingRow(long Id, int TaskId, int AreaOrdinal, int? Number, string TaskTitle, bool IsLead,
        int SectionId, DateOnly AsOf, int Percent, string Summary, string RecordedBy, DateTimeOffset RecordedAt,
        bool IsCorrection, uint TaskVersion);

    [BindProperty]
    public Input Form { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PendingRow> Pending { get; private set; } = [];
    public int PendingCount { get; private set; }
    public SectionNames SectionNames { get; private set; } = SectionNames.None;

    public sealed record Input
    {
        public long UpdateId { get; init; }
        /// <summary>退回意见.</summary>
        [DataType(DataType.MultilineText)]
        public string? Comment { get; init; }
        /// <summary>The version of the update's task the queue showed.</summary>
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public const string Returning = nameof(Returning);

        public Validator()
        {
            RuleFor(x => x.Comment).MaximumLength(1_000).WithMessage("退回意见不能超过1000个字");
            RuleSet(Returning, () =>
                RuleFor(x => x.Comment).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请填写退回意见"));
        }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadQueueAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync([FromServices] IValidator<Input> validator, CancellationToken ct) =>
        DecideAsync(validator.Validate(Form), (t, reviewer, at) => t.AcceptUpdate(Form.UpdateId, reviewer, at), "已采纳该条进展", ct);

    public Task<IActionResult> OnPostReturnAsync([FromServices] IValidator<Input> validator, CancellationToken ct) =>
        DecideAsync(validator.Validate(Form, o => o.IncludeRuleSets(Validator.Returning).IncludeRulesNotInRuleSet()),
            (t, reviewer, at) => t.ReturnUpdate(Form.UpdateId, Form.Comment ?? "", reviewer, at), "已退回该条进展", ct);

    private async Task<IActionResult> DecideAsync(FluentValidation.Results.ValidationResult validation,
        Action<PlanTask, string, DateTimeOffset> decide, string done, CancellationToken ct)
    {
        if (!validation.AddTo(ModelState)) return await QueuePageAsync(ct);
        var taskId = await db.ProgressUpdates.Where(u => u.Id == Form.UpdateId).Select(u => (int?)u.PlanTaskId).SingleOrDefaultAsync(ct);
        if (taskId is not int id || await db.LoadWithUpdatesAsync(id, ct) is not { } task)
        {
            ModelState.AddModelError("", "找不到该条进展");
            return await QueuePageAsync(ct);
        }
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.Review)).Succeeded) return Forbid();

        var (reviewer, at) = (User.DisplayName(), clock.GetUtcNow());
        if (await db.TrySaveAsync(task, Form.Version, t => decide(t, reviewer, at), ModelState, ct) != SaveResult.Saved)
            return await QueuePageAsync(ct);
        StatusMessage = done;
        return RedirectToPage();
    }

    private async Task<IActionResult> QueuePageAsync(CancellationToken ct)
    {
        await LoadQueueAsync(ct);
        return Page();
    }

    private async Task LoadQueueAsync(CancellationToken ct)
    {
        // A superseded update is no longer reviewed (its correction is); a closed plan's updates can no longer be.
        var pending = db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Review == ReviewState.Pending && !u.IsSuperseded)
            .Join(db.Tasks.Where(t => t.Plan.Status == PlanStatus.Active), u => u.PlanTaskId, t => t.Id, (u, t) => new { u, t });
        PendingCount = await pending.CountAsync(ct);
        Pending = await pending
            .OrderBy(x => x.u.RecordedAt).ThenBy(x => x.u.Id)
            .Take(Limit)
            .Select(x => new PendingRow(x.u.Id, x.t.Id, x.t.Area.Ordinal, x.t.Number, x.t.Title, x.t.LeadSectionId == x.u.SectionId,
                x.u.SectionId, x.u.AsOf, x.u.Percent, x.u.Summary, x.u.RecordedBy, x.u.RecordedAt, x.u.SupersedesId != null, x.t.Version))
            .ToListAsync(ct);
        SectionNames = await SectionNames.LoadAsync(db, ct);
    }
}
