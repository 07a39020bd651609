using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

[Authorize(Policy = Policies.ManageSections)]
public sealed class CreateModel(PlanDb db, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public sealed record Input : SectionInput;

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => Include(new SectionInputValidator());
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // New sections go to the end of the list unless the administrator says otherwise.
        var last = await db.Sections.MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
        Form = new Input { SortOrder = last + 10 };
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        var organizationId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        // Bound normalized (NormalizedTextBinderProvider), as the section will store it: look-alikes are duplicates.
        var name = Form.Name;
        if (await db.Sections.AnyAsync(s => s.OrganizationId == organizationId && s.Name == name, ct))
        {
            SectionForm.DuplicateName.AddTo(ModelState);
            return Page();
        }

        if (await db.TrySaveAsync(() => db.Sections.Add(new Section(organizationId, name, Form.Kind, Form.SortOrder)), ModelState, ct,
                SectionForm.DuplicateName) != SaveResult.Saved)
        {
            return Page();
        }

        logger.LogInformation("{Admin} created section {Name}", User.Identity?.Name, name);
        TempData["StatusMessage"] = $"已新建科室“{name}”";
        return RedirectToPage("Index");
    }
}
