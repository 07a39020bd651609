using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Notifications;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Notifications;

/// <summary>站内提醒: the signed-in user's notifications, newest first, each linking to its task; marking them read.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(PlanDb db, TimeProvider clock) : PageModel
{
    /// <summary>A year of daily reminders for a section head's tasks fits; older ones stay stored, unlisted.</summary>
    public const int Limit = 300;

    public sealed record Row(long Id, NotificationKind Kind, int TaskId, int AreaOrdinal, int? TaskNumber, string TaskTitle,
        string Text, DateOnly? Due, DateTimeOffset CreatedAt, bool IsRead);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int UnreadCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        Rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Limit)
            .Join(db.Tasks, n => n.PlanTaskId, t => t.Id, (n, t) => new Row(n.Id, n.Kind, t.Id, t.Area.Ordinal, t.Number, t.Title,
                n.Text, n.Due, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        UnreadCount = Rows.Count(r => !r.IsRead);
    }

    /// <summary>标为已读. Someone else's notification, or none, is not found: nobody learns which ids exist.</summary>
    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        if (id is null) return BadRequest();
        var me = User.UserId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == me, ct);
        if (notification is null) return NotFound();
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    /// <summary>全部标为已读: one statement over the user's unread rows.</summary>
    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return RedirectToPage();
    }
}
