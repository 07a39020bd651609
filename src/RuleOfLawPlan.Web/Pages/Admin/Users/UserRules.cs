using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>The role and section fields of the create and edit forms.</summary>
public interface IRoleAndSection
{
    string Role { get; }
    int? SectionId { get; }
}

/// <summary>Included by both forms' validators.</summary>
public sealed class RoleAndSectionValidator : AbstractValidator<IRoleAndSection>
{
    public RoleAndSectionValidator()
    {
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage("请选择有效的角色");
        RuleFor(x => x.SectionId).NotNull().When(x => x.Role == Roles.SectionHead).WithMessage("科室负责人必须选择所属科室");
        RuleFor(x => x.SectionId).Null().When(x => Roles.All.Contains(x.Role) && !UserRules.SectionAllowed(x.Role))
            .WithMessage("只有科室负责人和领导小组办公室可以设置所属科室");
    }
}

/// <summary>What the create and edit forms share: the role/section rule and the choices offered.</summary>
public static class UserRules
{
    /// <summary>Section heads report for a section; the office may name its own; other roles have none.</summary>
    public static bool SectionAllowed(string role) => role is Roles.SectionHead or Roles.Office;

    public static IEnumerable<SelectListItem> RoleOptions() =>
        Roles.All.Select(r => new SelectListItem(Roles.Label(r), r));

    /// <summary>Active sections, plus the user's current one even if it has been deactivated since.</summary>
    public static async Task<List<SelectListItem>> SectionOptionsAsync(PlanDb db, int? current, CancellationToken ct) =>
        await db.Sections.Where(s => s.IsActive || s.Id == current)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SelectListItem(s.IsActive ? s.Name : s.Name + "（已停用）", s.Id.ToString()))
            .ToListAsync(ct);

    /// <summary>A chosen section must exist and be in use (a deactivated one may stay where it already is).</summary>
    public static async Task<bool> SectionUsableAsync(PlanDb db, int? sectionId, int? current, CancellationToken ct) =>
        sectionId is not int id || await db.Sections.AnyAsync(s => s.Id == id && (s.IsActive || s.Id == current), ct);
}
