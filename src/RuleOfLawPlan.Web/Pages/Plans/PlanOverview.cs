using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Pages.Plans;

public sealed record PlanOverview(
    int Id, string Title, int Year, string? IssuingOrgan, DateOnly? IssueDate, PlanStatus Status,
    string Preamble, string GuidingIdeology, string Leadership,
    IReadOnlyList<AreaRow> Areas, IReadOnlyList<RequirementRow> Requirements)
{
    public int TaskCount => Areas.Sum(a => a.Tasks.Count);
}
