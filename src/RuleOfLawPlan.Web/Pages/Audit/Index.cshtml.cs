using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Pages.Shared;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Pages.Audit;

/// <summary>
/// 审计日志: the audit trail, one row per save (change set), newest first, filtered and paged by change set.
/// Read-only: no handler here changes it.
/// </summary>
[Authorize(Policy = Policies.ViewAudit)]
public sealed class IndexModel(PlanDb db) : PageModel
{
    public sealed record UserOption(string Id, string Label);

    public const int PageSize = 50;

    /// <summary>The user filter's value for changes the system made.</summary>
    public const string SystemUser = "system";

    [BindProperty(SupportsGet = true)]
    public Filter Query { get; set; } = new();

    public IReadOnlyList<AuditHistory.ChangeSet> Sets { get; private set; } = [];
    public IReadOnlyList<UserOption> Users { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Filter
    {
        public string? User { get; init; }
        public string? Type { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public int PageNumber { get; init; } = 1;
    }

    public sealed class Validator : AbstractValidator<Filter>
    {
        private static readonly DateOnly Earliest = new(2000, 1, 1);
        private static readonly DateOnly Latest = new(2100, 12, 31);

        public Validator()
        {
            // Only days the bureau's clock can turn into instants: 0001-01-01 and 9999-12-31 overflow DateTimeOffset.
            RuleFor(x => x.From).InclusiveBetween(Earliest, Latest).When(x => x.From is not null).WithMessage("开始日期无效");
            RuleFor(x => x.To).InclusiveBetween(Earliest, Latest).When(x => x.To is not null).WithMessage("结束日期无效");
            RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
                .WithMessage("开始日期不能晚于结束日期");
            RuleFor(x => x.Type).Must(t => string.IsNullOrEmpty(t) || AuditLabels.TypeNames.Contains(t)).WithMessage("对象类型无效");
            RuleFor(x => x.PageNumber).GreaterThanOrEqualTo(1).WithMessage("页码无效");
        }
    }

    public async Task<IActionResult> OnGetAsync([FromServices] IValidator<Filter> validator, CancellationToken ct)
    {
        Users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new UserOption(u.Id, u.DisplayName + "（" + u.UserName + "）")).ToListAsync(ct);
        if (!validator.Validate(Query).AddTo(ModelState, nameof(Query))) return Page();

        var entries = db.AuditEntries.AsNoTracking();
        if (Query.User == SystemUser) entries = entries.Where(e => e.UserId == null);
        else if (!string.IsNullOrEmpty(Query.User)) entries = entries.Where(e => e.UserId == Query.User);
        if (!string.IsNullOrEmpty(Query.Type)) entries = entries.Where(e => e.EntityType == Query.Type);
        if (Query.From is { } from)
        {
            var start = ChinaTime.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (Query.To is { } to)
        {
            var end = ChinaTime.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        Total = await AuditHistory.CountAsync(entries, ct);
        Sets = await AuditHistory.PageAsync(db, entries, (Math.Min(Query.PageNumber, PageCount) - 1) * PageSize, PageSize, ct);
        return Page();
    }

    public Dictionary<string, string> RouteFor(int page) => new()
    {
        ["User"] = Query.User ?? "",
        ["Type"] = Query.Type ?? "",
        ["From"] = Query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["To"] = Query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["PageNumber"] = page.ToString(CultureInfo.InvariantCulture),
    };
}
