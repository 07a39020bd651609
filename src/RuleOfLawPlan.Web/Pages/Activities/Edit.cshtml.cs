using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>编辑履职活动: the office corrects an entry of the register (its kind, date, title, chair, summary, linked tasks).</summary>
[Authorize(Policy = Policies.ManageActivities)]
public sealed class EditModel(PlanDb db) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public sealed record Input : ActivityInput
    {
        /// <summary>The entry's version when the form was opened.</summary>
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => Include(new ActivityInputValidator());
    }

    /// <summary>A stored entry as the page shows it beside a conflicting input.</summary>
    public sealed record Stored(LeadershipActivityKind Kind, DateOnly HeldOn, string Title, string ChairedBy, string Summary);

    public LeadershipActivity Activity { get; private set; } = null!;
    public IReadOnlyList<ActivityForm.TaskOption> TaskOptions { get; private set; } = [];

    /// <summary>Set when someone else changed the entry meanwhile: what is stored now.</summary>
    public Stored? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound) return notFound;
        Form = new Input
        {
            Kind = Activity.Kind, HeldOn = Activity.HeldOn, Title = Activity.Title, ChairedBy = Activity.ChairedBy, Summary = Activity.Summary,
            TaskIds = [.. Activity.Tasks.Select(t => t.PlanTaskId)], Version = Activity.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound) return notFound;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        if (await ActivityForm.LinkedTasksAsync(db, Activity.WorkPlanId, Form.TaskIds, ModelState, ct) is not { } tasks) return Page();
        var result = await db.TrySaveAsync(Activity, Form.Version,
            a => a.Revise(Form.Kind!.Value, Form.HeldOn!.Value, Form.Title, Form.ChairedBy, Form.Summary, [.. tasks]), ModelState, ct);
        if (result == SaveResult.Saved)
        {
            TempData[nameof(IndexModel.StatusMessage)] = $"已保存“{Activity.Title}”";
            return RedirectToPage("/Activities/Index", new { plan = Activity.WorkPlanId });
        }
        // Nothing was stored and the context was cleared: show the entry as stored now, beside the user's input.
        if (await LoadAsync(id, ct) is { } gone) return gone;
        if (result == SaveResult.Conflict)
            Current = new Stored(Activity.Kind, Activity.HeldOn, Activity.Title, Activity.ChairedBy, Activity.Summary);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } activity) return NotFound();
        Activity = activity;
        TaskOptions = await ActivityForm.TaskOptionsAsync(db, activity.WorkPlanId, ct);
        return null;
    }
}
