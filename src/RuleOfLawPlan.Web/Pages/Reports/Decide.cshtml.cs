using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Reports;

/// <summary>领导审定: a leader reads the report sent and approves it, or returns it to the office with what to change.</summary>
[Authorize(Policy = Policies.ApproveReports)]
public sealed class DecideModel(PlanDb db, ReportQuery query, TimeProvider clock) : PageModel
{
    public const string Approve = nameof(Approve);
    public const string Return = nameof(Return);

    [BindProperty]
    public Input Form { get; set; } = new();

    public ReportQuery.PlanInfo Plan { get; private set; } = null!;
    public AnnualReport? Report { get; private set; }

    public sealed record Input
    {
        public string Action { get; init; } = "";
        [DataType(DataType.MultilineText)]
        public string? Comment { get; init; }
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Action).Must(a => a is Approve or Return).WithMessage("请选择要执行的操作");
            RuleFor(x => x.Comment).MaximumLength(2_000).WithMessage("意见不能超过2000个字");
            RuleFor(x => x.Comment).Must(c => !string.IsNullOrWhiteSpace(c)).When(x => x.Action == Return).WithMessage("请填写退回意见");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } missing) return missing;
        Form = new Input { Version = Report!.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } missing) return missing;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        var (by, at) = (User.DisplayName(), clock.GetUtcNow());
        Action<AnnualReport> change = Form.Action == Approve
            ? r => r.Approve(by, at, Form.Comment)
            : r => r.Return(by, Form.Comment!, at);
        if (await db.TrySaveAsync(Report!, Form.Version, change, ModelState, ct) == SaveResult.Saved)
        {
            TempData[nameof(IndexModel.StatusMessage)] = Form.Action == Approve ? "报告已审定" : "报告已退回办公室修改";
            return RedirectToPage("/Reports/Index", new { id });
        }
        Report = await query.ReportAsync(id, tracked: false, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Report = await query.ReportAsync(id, tracked, ct);
        return Report is null ? RedirectToPage("/Reports/Index", new { id }) : null;
    }
}
