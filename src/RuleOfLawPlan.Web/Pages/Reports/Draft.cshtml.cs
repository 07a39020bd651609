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
/// 从记录起草: the office drafts the report (again) from the record. A part the office has written in since it was last
/// drafted is never replaced unasked: the page shows its text beside the new draft and replaces only the parts the
/// office ticks; the others keep the office's text.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class DraftModel(PlanDb db, ReportQuery query, ReportDrafter drafter, TimeProvider clock) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public ReportQuery.PlanInfo Plan { get; private set; } = null!;
    public AnnualReport? Report { get; private set; }

    /// <summary>The parts the office edited and the draft would change: its text and the new draft, for the confirm step.</summary>
    public IReadOnlyList<Difference> Differences { get; private set; } = [];

    public sealed record Difference(int Part, string Current, string Drafted);

    public sealed record Input
    {
        /// <summary>The report's version the page was opened with; 0 when there was no report yet.</summary>
        public uint Version { get; init; }

        /// <summary>The office has seen the differences and chosen which edited parts to replace.</summary>
        public bool Confirmed { get; init; }

        public int[] Replace { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleForEach(x => x.Replace).Must(ReportParts.IsPart).WithMessage("报告只有第一至第五部分");
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Report = await query.ReportAsync(id, tracked: false, ct);
        Form = new Input { Version = Report?.Version ?? 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await query.PlanAsync(id, ct) is not { } plan) return NotFound();
        Plan = plan;
        Report = await query.ReportAsync(id, tracked: true, ct);
        if (!validator.Validate(Form).AddTo(ModelState)) return await AgainAsync(id, ct);
        var draft = (await drafter.DraftAsync(id, ct))!;
        var (by, at) = (User.DisplayName(), clock.GetUtcNow());

        if (Report is null)
        {
            if (Form.Version != 0)
            {
                ModelState.AddModelError("", TrySaveExtensions.StaleFormMessage);
                return await AgainAsync(id, ct);
            }
            var created = await db.TrySaveAsync(() =>
            {
                var report = ReportQuery.Start(plan);
                db.Reports.Add(report);
                report.ApplyDraft(draft, [], by, at);
            }, ModelState, ct, new FieldMessage("", "本年度报告已由他人起草，请刷新页面后查看"));
            if (created != SaveResult.Saved) return await AgainAsync(id, ct);
            StatusMessage = "已从记录起草报告";
            return RedirectToPage("/Reports/Index", new { id });
        }

        if (!Form.Confirmed && Report.EditedPartsDifferingFrom(draft) is { Count: > 0 } edited)
        {
            // The confirm step is asked of the report as it is now: the hidden fields carry its version, not the posted one.
            ModelState.Clear();
            Differences = [.. edited.Select(n => new Difference(n, Report.Current.Part(n).Text, draft.Single(d => d.Number == n).Text))];
            Form = Form with { Version = Report.Version, Confirmed = true, Replace = [] };
            return Page();
        }

        IReadOnlyList<int> kept = [];
        var result = await db.TrySaveAsync(Report, Form.Version, r => kept = r.ApplyDraft(draft, Form.Replace, by, at), ModelState, ct);
        if (result != SaveResult.Saved) return await AgainAsync(id, ct);
        StatusMessage = kept.Count == 0 ? "已从记录起草报告" : $"已从记录起草报告，{string.Join("、", kept.Select(ReportParts.Heading))}保留办公室修改的内容";
        return RedirectToPage("/Reports/Index", new { id });
    }

    private async Task<PageResult> AgainAsync(int id, CancellationToken ct)
    {
        Report = await query.ReportAsync(id, tracked: false, ct);
        ModelState.Remove("Form.Confirmed");
        Form = Form with { Confirmed = false, Replace = [] };
        return Page();
    }
}
