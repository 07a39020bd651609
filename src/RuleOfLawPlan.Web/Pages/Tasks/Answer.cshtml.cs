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

/// <summary>
/// 答复批示: the head of the task's lead section reports its 办理情况 on an open 批示 (<c>?instruction=</c>; without it,
/// the oldest open one). Answered, the 批示 is no longer open.
/// </summary>
[Authorize(Policy = Policies.ReportProgress)]
public sealed class AnswerModel(PlanDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public PlanTask PlanTask { get; private set; } = null!;

    /// <summary>The 批示 answered; null when the task has no open one.</summary>
    public Instruction? Instruction { get; private set; }

    public sealed record Input
    {
        public long InstructionId { get; init; }
        [DataType(DataType.MultilineText)]
        public string Answer { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Answer).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写办理情况")
                .MaximumLength(4_000).WithMessage("办理情况不能超过4000个字");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, long? instruction, CancellationToken ct)
    {
        if (await LoadAsync(id, instruction, ct) is { } refused) return refused;
        if (Instruction is { IsOpen: false }) ModelState.AddModelError("", "该批示已答复，不能重复答复");
        Form = new Input { InstructionId = Instruction?.Id ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, Form.InstructionId is > 0 and var i ? i : null, ct) is { } refused) return refused;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        var sectionId = User.SectionId()!.Value;
        var (answeredBy, at) = (User.DisplayName(), clock.GetUtcNow());
        // Like a progress report, an answer adds to the task whatever else changed meanwhile; answering twice is the task's to refuse.
        var result = await db.TryAppendAsync(PlanTask, c => db.LoadWithInstructionsAsync(id, c),
            t => t.AnswerInstruction(Form.InstructionId, sectionId, Form.Answer, answeredBy, at), ModelState, ct);
        if (result == SaveResult.Saved) return RedirectToPage("/Tasks/Details", null, new { id }, "instructions");
        return await LoadAsync(id, Form.InstructionId is > 0 and var again ? again : null, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, long? instructionId, CancellationToken ct)
    {
        if (await db.LoadWithInstructionsAsync(id, ct) is not { } task) return NotFound();
        if (!(await auth.AuthorizeAsync(User, task, TaskOperations.AnswerInstruction)).Succeeded) return Forbid();
        PlanTask = task;
        Instruction = instructionId is long wanted
            ? task.Instructions.FirstOrDefault(i => i.Id == wanted)
            : task.Instructions.Where(i => i.IsOpen).OrderBy(i => i.IssuedAt).FirstOrDefault();
        return instructionId is not null && Instruction is null ? NotFound() : null;
    }
}
