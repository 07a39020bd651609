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

/// <summary>编辑科室: name, kind, order; deactivate (no longer offered for new assignments) or activate.</summary>
[Authorize(Policy = Policies.ManageSections)]
public sealed class EditModel(PlanDb db, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The section as stored: what the heading, the status badge and the buttons show.</summary>
    public Section Stored { get; private set; } = null!;

    /// <summary>Someone else changed the section since the form was opened: the stored values are shown beside the input.</summary>
    public bool ChangedMeanwhile { get; private set; }

    public sealed record Input : SectionInput
    {
        /// <summary>xmin seen when the form was opened.</summary>
        public uint Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator() => Include(new SectionInputValidator());
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } section) return NotFound();
        Form = new Input { Name = section.Name, Kind = section.Kind, SortOrder = section.SortOrder, Version = section.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } section) return NotFound();
        if (!validator.Validate(Form).AddTo(ModelState)) return Page();

        // Bound normalized (NormalizedTextBinderProvider), as the section will store it: look-alikes are duplicates.
        var name = Form.Name;
        if (await db.Sections.AnyAsync(s => s.OrganizationId == section.OrganizationId && s.Name == name && s.Id != id, ct))
        {
            SectionForm.DuplicateName.AddTo(ModelState);
            return Page();
        }

        return await SaveAsync(section, Form.Version, s => s.Update(name, Form.Kind, Form.SortOrder), "已保存", ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } section ? await SaveAsync(section, null, s => s.Deactivate(), "科室已停用", ct) : NotFound();

    public async Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } section ? await SaveAsync(section, null, s => s.Activate(), "科室已启用", ct) : NotFound();

    private async Task<Section?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } section) return null;
        Stored = section;
        return section;
    }

    private async Task<IActionResult> SaveAsync(Section section, uint? formVersion, Action<Section> change, string message, CancellationToken ct)
    {
        var result = await db.TrySaveAsync(section, formVersion, change, ModelState, ct, SectionForm.DuplicateName);
        if (result == SaveResult.Saved)
        {
            logger.LogInformation("{Admin}: {Action} for section {Name}", User.Identity?.Name, message, section.Name);
            StatusMessage = message;
            return RedirectToPage(new { id = section.Id });
        }

        // The tracked section may hold the refused change: show it as stored.
        if (await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == section.Id, ct) is not { } stored) return NotFound();
        Stored = stored;
        ChangedMeanwhile = result == SaveResult.Conflict;
        return Page();
    }
}
