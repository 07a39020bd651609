using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Tasks;

/// <summary>批示: a leader's instruction on a task. The task page carries the same form.</summary>
[Authorize(Policy = Policies.Instruct)]
public sealed class InstructModel(PlanDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public PlanTask PlanTask { get; private set; } = null!;

    public sealed record Input
    {
        [DataType(DataType.MultilineText)]
        public string Text { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Text).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写批示内容")
                .MaximumLength(2_000).WithMessage("批示内容不能超过2000个字");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        var (who, now) = (User.DisplayName(), clock.GetUtcNow());
        // A 批示 only adds to the task, whatever else was saved on it meanwhile: applied again to the task as stored now.
        return await db.TryAppendAsync(PlanTask, c => db.LoadForChangeAsync(id, c), t => t.AddInstruction(Form.Text, who, now),
                ModelState, ct) == SaveResult.Saved
            ? RedirectToPage("/Tasks/Details", null, new { id }, "instructions")
            : Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.LoadForChangeAsync(id, ct) is not { } task) return NotFound();
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.Instruct)).Succeeded) return Forbid();
        PlanTask = task;
        return null;
    }
}
