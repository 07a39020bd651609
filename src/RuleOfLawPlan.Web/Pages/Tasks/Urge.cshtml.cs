using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Notifications;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>
/// 催办: the office presses a task's sections with a note. The 催办 is stored on the task (audited, in its history)
/// and, in the same transaction, every head of a section the task involves gets a notification with the note.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class UrgeModel(PlanDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public PlanTask PlanTask { get; private set; } = null!;
    public SectionNames SectionNames { get; private set; } = SectionNames.None;
    public IReadOnlyList<UrgeRow> Earlier { get; private set; } = [];

    public sealed record UrgeRow(string Note, string UrgedBy, DateTimeOffset UrgedAt);

    public sealed record Input
    {
        [DataType(DataType.MultilineText)]
        public string Note { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Note).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写催办事项")
                .MaximumLength(1_000).WithMessage("催办事项不能超过1000个字");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? await PageAsync(ct);

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!validator.Validate(Form).AddTo(ModelState)) return await PageAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        TaskUrge? urge = null;
        var (who, now) = (User.DisplayName(), clock.GetUtcNow());
        // A 催办 only adds to the task and does not depend on what the form showed: a report or reading saved on the task
        // meanwhile is no reason to refuse it, so it is applied again to the task as stored now.
        if (await db.TryAppendAsync(PlanTask, c => db.LoadForChangeAsync(id, c), t => urge = t.Urge(Form.Note, who, now),
                ModelState, ct) != SaveResult.Saved)
        {
            await transaction.RollbackAsync(ct);
            PlanTask = (await db.LoadCurrentAsync(id, ct))!;
            return await PageAsync(ct);
        }
        var told = await NotificationWriter.UrgedAsync(db, urge!.Id, ct);
        await transaction.CommitAsync(ct);
        StatusMessage = $"已催办，{told}位科室负责人将收到提醒";
        return RedirectToPage(null, new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } task) return NotFound();
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.Urge)).Succeeded) return Forbid();
        PlanTask = task;
        return null;
    }

    private async Task<PageResult> PageAsync(CancellationToken ct)
    {
        SectionNames = await SectionNames.LoadAsync(db, ct);
        Earlier = await db.TaskUrges.AsNoTracking().Where(u => u.PlanTaskId == PlanTask.Id).OrderByDescending(u => u.UrgedAt)
            .Select(u => new UrgeRow(u.Note, u.UrgedBy, u.UrgedAt)).ToListAsync(ct);
        return Page();
    }
}
