using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>The header's bell: the signed-in user's unread notifications, one indexed count per page view.</summary>
public sealed class NotificationBellViewComponent(PlanDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.UserId();
        var unread = me is null ? 0 : await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, HttpContext.RequestAborted);
        return View(unread);
    }
}
