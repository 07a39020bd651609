using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Plans;

/// <summary>下达执行 / 结束 / 重新打开 a plan: the office's.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class StatusModel(PlanDb db) : PageModel
{
    public const string Activate = nameof(Activate);
    public const string Close = nameof(Close);
    public const string Reopen = nameof(Reopen);

    [BindProperty]
    public Input Form { get; set; } = new();

    public WorkPlan Plan { get; private set; } = null!;

    public sealed record Input
    {
        public string Action { get; init; } = "";
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Action).Must(a => a is Activate or Close or Reopen).WithMessage("请选择要执行的操作");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Form = new Input { Version = plan.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return NotFound();
        Plan = plan;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        Action<WorkPlan> change = Form.Action switch
        {
            Activate => p => p.Activate(),
            Close => p => p.Close(),
            _ => p => p.Reopen(),
        };
        if (await db.TrySaveAsync(plan, Form.Version, change, ModelState, ct) == SaveResult.Saved)
            return RedirectToPage("/Plans/Overview", new { id });
        // The page shows the plan's status and offers what it allows: as stored now.
        if (await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } current) return NotFound();
        Plan = current;
        return Page();
    }
}
