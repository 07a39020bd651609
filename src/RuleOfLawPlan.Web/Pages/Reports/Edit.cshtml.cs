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

/// <summary>
/// The office edits one part of the report: plain text, a paragraph a line, headings by how a line starts (一、 （一） 1.).
/// After approval a change starts a new revision, and the approved one stays as it was.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class EditModel(PlanDb db, ReportQuery query, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public ReportQuery.PlanInfo Plan { get; private set; } = null!;
    public AnnualReport? Report { get; private set; }

    /// <summary>The text as stored, shown beside the office's own after a conflict.</summary>
    public string? StoredText { get; private set; }

    public sealed record Input
    {
        public int Part { get; init; }
        [DataType(DataType.MultilineText)]
        public string Text { get; init; } = "";
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Part).Must(ReportParts.IsPart).WithMessage("报告只有第一至第五部分");
            RuleFor(x => x.Text).MaximumLength(ReportPart.MaxLength).WithMessage("报告每部分不能超过50000个字");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] int? part, CancellationToken ct)
    {
        if (part is { } asked && !ReportParts.IsPart(asked)) return NotFound();
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Report = await query.ReportAsync(id, tracked: false, ct);
        Form = new Input { Part = part ?? 1, Text = Report?.Current.Part(part ?? 1).Text ?? "", Version = Report?.Version ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Report = await query.ReportAsync(id, tracked: true, ct);
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();
        var (by, at) = (User.DisplayName(), clock.GetUtcNow());

        SaveResult result;
        var revisionBefore = Report?.Current.Number ?? 1;
        if (Report is null)
        {
            if (Form.Version != 0)
            {
                ModelState.AddModelError("", TrySaveExtensions.StaleFormMessage);
                return Page();
            }
            var report = ReportQuery.Start(plan);
            result = await db.TrySaveAsync(() =>
            {
                db.Reports.Add(report);
                report.EditPart(Form.Part, Form.Text, by, at);
            }, ModelState, ct, new FieldMessage("", "本年度报告已由他人起草，请刷新页面后查看"));
            Report = result == SaveResult.Saved ? report : null;
        }
        else
        {
            result = await db.TrySaveAsync(Report, Form.Version, r => r.EditPart(Form.Part, Form.Text, by, at), ModelState, ct);
        }

        if (result == SaveResult.Saved)
        {
            TempData[nameof(IndexModel.StatusMessage)] = Report!.Current.Number > revisionBefore
                ? $"已保存，并新建第{Report.Current.Number}版修订稿；已审定的版本保留"
                : "已保存";
            return RedirectToPage("/Reports/Index", null, new { id }, $"part-{Form.Part}");
        }
        Report = await query.ReportAsync(id, tracked: false, ct);
        if (result == SaveResult.Conflict) StoredText = Report?.Current.Part(Form.Part).Text ?? "";
        return Page();
    }
}
