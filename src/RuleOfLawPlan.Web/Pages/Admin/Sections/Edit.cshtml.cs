using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Sections;

/// <summary>编辑科室: name, kind, order; deactivate (no longer offered for new assignments) or activate.</summary>
[Authorize(Policy = Policies.ManageSections)]
public sealed class EditModel(PlanDb db, ILogger<EditModel> logger) : PageModel
{
    private const string ChangedMeanwhile = "该科室已被他人修改，下面显示的是最新内容，请确认后重新保存";

    [BindProperty]
    public Input Form { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int SectionId { get; private set; }
    public string CurrentName { get; private set; } = "";
    public bool IsActive { get; private set; }

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
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return NotFound();
        Show(section, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] IValidator<Input> validator, CancellationToken ct)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return NotFound();
        if (!validator.Validate(Form).AddTo(ModelState))
        {
            Show(section, fillForm: false);
            return Page();
        }

        // Bound normalized (NormalizedTextBinderProvider), as the section will store it: look-alikes are duplicates.
        var name = Form.Name;
        if (await db.Sections.AnyAsync(s => s.OrganizationId == section.OrganizationId && s.Name == name && s.Id != id, ct))
        {
            ModelState.AddModelError("Form.Name", SectionForm.DuplicateName);
            Show(section, fillForm: false);
            return Page();
        }

        return await SaveAsync(section, s =>
        {
            db.Entry(s).Property(x => x.Version).OriginalValue = Form.Version;
            s.Update(name, Form.Kind, Form.SortOrder);
        }, "已保存", ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return NotFound();
        return await SaveAsync(section, s => s.Deactivate(), "科室已停用", ct);
    }

    public async Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return NotFound();
        return await SaveAsync(section, s => s.Activate(), "科室已启用", ct);
    }

    private async Task<IActionResult> SaveAsync(Section section, Action<Section> change, string message, CancellationToken ct)
    {
        try
        {
            change(section);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            Show(section, fillForm: false);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ChangedMeanwhile);
            await db.Entry(section).ReloadAsync(ct);
            Show(section, fillForm: true);
            return Page();
        }
        catch (DbUpdateException ex) when (SectionForm.IsDuplicateName(ex))
        {
            ModelState.AddModelError("Form.Name", SectionForm.DuplicateName);
            await db.Entry(section).ReloadAsync(ct);
            Show(section, fillForm: false);
            return Page();
        }

        logger.LogInformation("{Admin}: {Action} for section {Name}", User.Identity?.Name, message, section.Name);
        StatusMessage = message;
        return RedirectToPage(new { id = section.Id });
    }

    private void Show(Section section, bool fillForm)
    {
        SectionId = section.Id;
        IsActive = section.IsActive;
        if (fillForm)
        {
            Form = new Input { Name = section.Name, Kind = section.Kind, SortOrder = section.SortOrder, Version = section.Version };
            foreach (var key in new[] { "Form.Name", "Form.Kind", "Form.SortOrder", "Form.Version" }) ModelState.Remove(key);
        }
        CurrentName = db.Entry(section).State == EntityState.Modified
            ? (string)db.Entry(section).Property(s => s.Name).OriginalValue!
            : section.Name;
    }
}
