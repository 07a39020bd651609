using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Requests;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>登记履职活动: the office adds an entry to a plan year's register, with its 佐证材料 and the tasks it served.</summary>
[Authorize(Policy = Policies.ManageActivities)]
[AcceptsEvidence]
public sealed class NewModel(PlanDb db, TimeProvider clock, IOptions<EvidenceOptions> evidence) : PageModel
{
    public sealed record PlanRow(int Id, int Year, string Title);

    /// <summary>The plan whose register the entry goes in: by default the plan in execution, else the newest.</summary>
    [BindProperty(SupportsGet = true, Name = "plan")]
    public int? RequestedPlan { get; set; }

    [BindProperty]
    public Input Form { get; set; } = new();

    public sealed record Input : ActivityInput
    {
        /// <summary>佐证材料, checked by <see cref="EvidenceUpload"/> (limits, kind by content) before anything is stored.</summary>
        public IReadOnlyList<IFormFile> Files { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => Include(new ActivityInputValidator());
    }

    public PlanRow Plan { get; private set; } = null!;
    public IReadOnlyList<ActivityForm.TaskOption> TaskOptions { get; private set; } = [];
    public EvidenceInput EvidenceInput => new(evidence.Value, Form.Files.Count);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        var today = ChinaTime.Today(clock);
        Form = new Input { HeldOn = today.Year == Plan.Year ? today : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound) return notFound;
        var valid = validator.Validate(Form).AddTo(ModelState);
        var upload = await EvidenceUpload.CheckAsync(Form.Files, evidence.Value, ModelState, EvidenceUpload.FilesField, ct);
        if (!valid || upload is null) return Page();
        var plan = await db.Plans.SingleAsync(p => p.Id == Plan.Id, ct);
        if (await ActivityForm.LinkedTasksAsync(db, plan.Id, Form.TaskIds, ModelState, ct) is not { } tasks) return Page();

        var (who, now) = (User.DisplayName(), clock.GetUtcNow());
        LeadershipActivity? activity = null;
        List<(ActivityEvidenceFile, EvidenceUpload.Item)> attached = [];
        var result = await ActivityForm.SaveWithFilesAsync(db, () => db.TrySaveAsync(() =>
        {
            activity = new LeadershipActivity(plan, Form.Kind!.Value, Form.HeldOn!.Value, Form.Title, Form.ChairedBy, Form.Summary,
                [.. tasks], who, now);
            attached = [.. upload.Items.Select(f => (activity.AttachEvidence(f.FileName, f.Kind, f.Length, f.Sha256, who, now), f))];
            db.LeadershipActivities.Add(activity);
        }, ModelState, ct), () => attached, ct);
        if (result != SaveResult.Saved) return Page();
        TempData[nameof(IndexModel.StatusMessage)] = $"已登记“{activity!.Title}”";
        return RedirectToPage("/Activities/Index", new { plan = plan.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking();
        var plan = await (RequestedPlan is int id ? plans.Where(p => p.Id == id)
                : plans.OrderBy(p => p.Status == PlanStatus.Active ? 0 : 1).ThenByDescending(p => p.Year).ThenByDescending(p => p.Id))
            .Select(p => new PlanRow(p.Id, p.Year, p.Title)).FirstOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        Plan = plan;
        TaskOptions = await ActivityForm.TaskOptionsAsync(db, plan.Id, ct);
        return null;
    }
}
