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

/// <summary>The office's steps of the workflow: 送审 a draft, confirm the 保密审查 of an approved report, record its publication.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class SendModel(PlanDb db, ReportQuery query, TimeProvider clock) : PageModel
{
    public const string Submit = nameof(Submit);
    public const string Secrecy = nameof(Secrecy);
    public const string Publish = nameof(Publish);

    [BindProperty]
    public Input Form { get; set; } = new();

    public ReportQuery.PlanInfo Plan { get; private set; } = null!;
    public AnnualReport? Report { get; private set; }

    public sealed record Input
    {
        public string Action { get; init; } = "";
        [DataType(DataType.MultilineText)]
        public string? Comment { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public string? Channel { get; init; }
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Action).Must(a => a is Submit or Secrecy or Publish).WithMessage("请选择要执行的操作");
            RuleFor(x => x.Comment).MaximumLength(2_000).WithMessage("意见不能超过2000个字");
            When(x => x.Action == Publish, () =>
            {
                RuleFor(x => x.PublishedOn).NotNull().WithMessage("请填写公开日期");
                RuleFor(x => x.Channel).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请填写公开渠道")
                    .MaximumLength(200).WithMessage("公开渠道不能超过200个字");
            });
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } missing) return missing;
        Form = new Input { Version = Report!.Version, PublishedOn = query.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } missing) return missing;
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        var (by, at) = (User.DisplayName(), clock.GetUtcNow());
        Action<AnnualReport> change = Form.Action switch
        {
            Submit => r => r.Submit(by, at, Form.Comment),
            Secrecy => r => r.ConfirmSecrecyReview(by, at, Form.Comment),
            _ => r => r.Publish(Form.PublishedOn!.Value, Form.Channel!, by, at),
        };
        if (await db.TrySaveAsync(Report!, Form.Version, change, ModelState, ct) == SaveResult.Saved)
        {
            TempData[nameof(IndexModel.StatusMessage)] = Form.Action switch
            {
                Submit => "报告已送审",
                Secrecy => "已确认保密审查",
                _ => "已登记公开",
            };
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
