using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Instructions;

/// <summary>
/// 我的批示: the signed-in leader's 批示, the open ones (待办理) first, each with its task and, once answered, the lead
/// section's 办理情况. A 批示 is the leader's by the name it was recorded under (批示人), the name the app shows for them.
/// </summary>
[Authorize(Policy = Policies.Instruct)]
public sealed class MineModel(PlanDb db) : PageModel
{
    /// <summary>More than a leader writes in years; older ones stay on their tasks.</summary>
    public const int Limit = 300;

    public sealed record Row(long Id, int TaskId, string PlanTitle, int AreaOrdinal, int? Number, string TaskTitle, string Text,
        DateTimeOffset IssuedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt)
    {
        public bool IsOpen => AnsweredAt is null;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int OpenCount { get; private set; }
    public int TotalCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var leader = User.DisplayName();
        var mine = db.Instructions.AsNoTracking().Where(i => i.Leader == leader)
            .Join(db.Tasks, i => i.PlanTaskId, t => t.Id, (i, t) => new { i, t });
        OpenCount = await mine.CountAsync(x => x.i.AnsweredAt == null, ct);
        TotalCount = await mine.CountAsync(ct);
        Rows = await mine
            .OrderBy(x => x.i.AnsweredAt != null).ThenByDescending(x => x.i.IssuedAt).ThenByDescending(x => x.i.Id)
            .Take(Limit)
            .Select(x => new Row(x.i.Id, x.t.Id, x.t.Plan.Title, x.t.Area.Ordinal, x.t.Number, x.t.Title, x.i.Text, x.i.IssuedAt,
                x.i.Answer, x.i.AnsweredBy, x.i.AnsweredAt))
            .ToListAsync(ct);
    }
}
