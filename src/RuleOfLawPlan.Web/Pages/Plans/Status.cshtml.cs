using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
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
        if (plan.Version != Form.Version) return Conflict(plan);
        Action change = Form.Action switch
        {
            Activate => plan.Activate,
            Close => plan.Close,
            _ => plan.Reopen,
        };
        return await db.TrySaveAsync(change, ModelState, ct) switch
        {
            SaveResult.Saved => RedirectToPage("/Plans/Overview", new { id }),
            SaveResult.Refused => Page(),
            _ => await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } current ? Conflict(current) : NotFound(),
        };
    }

    private PageResult Conflict(WorkPlan current)
    {
        Plan = current;
        ModelState.AddModelError("", "该计划已被他人修改，下面是当前状态。请核对后再操作，您的操作尚未执行。");
        ModelState.Remove("Form.Version");
        Form = Form with { Version = current.Version };
        return Page();
    }
}
