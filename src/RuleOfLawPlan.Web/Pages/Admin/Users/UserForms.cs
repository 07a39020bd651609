using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Pages.Admin.Users;

/// <summary>What the user pages share: the account they are about, the section choices, the service's errors on the form.</summary>
public static class UserForms
{
    /// <summary>An account as the user pages show it above their forms.</summary>
    /// <param name="IsThrottled">The sign-in throttle holds the account back from some address (已锁定; docs/security.md).</param>
    public sealed record UserSummary(string Id, string UserName, string DisplayName, string? Role, int? SectionId, string? Section,
        bool IsDisabled, bool IsThrottled, string ConcurrencyStamp, string LeaderTitles)
    {
        /// <summary>正常, 已锁定 or 已停用 (a resource key).</summary>
        public string Status => UserForms.Status(IsDisabled, IsThrottled);
    }

    /// <summary>The role and section fields as the create and edit forms show them (<c>_RoleAndSectionFields</c>).</summary>
    public sealed record RoleAndSectionFields(IRoleAndSection Form, IEnumerable<SelectListItem> Sections);

    /// <summary>The heading of the three pages about one account, and which of them is open.</summary>
    public sealed record UserHeader(UserSummary Account, string Tab);

    public static string Status(bool isDisabled, bool isThrottled) =>
        isDisabled ? "已停用" : isThrottled ? "已锁定" : "正常";

    public static async Task<UserSummary?> UserSummaryAsync(this PlanDb db, SignInGuard signInGuard, string id, CancellationToken ct)
    {
        var row = await db.Users.Where(u => u.Id == id)
            .Select(u => new
            {
                u.NormalizedUserName,
                Summary = new UserSummary(
                u.Id,
                u.UserName!,
                u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                u.SectionId,
                db.Sections.Where(s => s.Id == u.SectionId).Select(s => s.Name).FirstOrDefault(),
                u.IsDisabled,
                false,
                u.ConcurrencyStamp!,
                u.LeaderTitles),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        return row.Summary with { IsThrottled = row.NormalizedUserName is { } name && await signInGuard.IsThrottledAsync(name, ct) };
    }

    /// <summary>Active sections, plus the user's current one even if it has been deactivated since.</summary>
    public static async Task<List<SelectListItem>> SectionOptionsAsync(PlanDb db, int? current, CancellationToken ct) =>
        await db.Sections.Where(s => s.IsActive || s.Id == current)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SelectListItem(s.IsActive ? s.Name : s.Name + "（已停用）", s.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(ct);

    /// <summary>The service's messages on the form's fields (bound as <paramref name="prefix"/>.Field), or on the form.</summary>
    public static void AddTo(this AccountResult result, ModelStateDictionary modelState, string prefix = "Form")
    {
        foreach (var error in result.Errors)
            modelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}.{error.Field}", error.Message);
    }
}
