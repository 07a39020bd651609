using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Activities;

/// <summary>The fields of the add and edit forms of a 领导履职台账 entry.</summary>
public record ActivityInput
{
    public LeadershipActivityKind? Kind { get; init; }
    public DateOnly? HeldOn { get; init; }
    public string Title { get; init; } = "";
    public string ChairedBy { get; init; } = "";
    [DataType(DataType.MultilineText)]
    public string Summary { get; init; } = "";

    /// <summary>The plan's tasks the entry served.</summary>
    public List<int> TaskIds { get; init; } = [];
}

public sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public ActivityInputValidator()
    {
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop).NotNull().WithMessage("请选择活动类型").IsInEnum().WithMessage("请选择活动类型");
        RuleFor(x => x.HeldOn).NotNull().WithMessage("请填写活动日期");
        RuleFor(x => x.Title).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写活动名称")
            .MaximumLength(LeadershipActivity.MaxTitleLength).WithMessage("活动名称不能超过200个字");
        RuleFor(x => x.ChairedBy).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写主持人")
            .MaximumLength(LeadershipActivity.MaxChairedByLength).WithMessage("主持人不能超过100个字");
        RuleFor(x => x.Summary).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写主要内容")
            .MaximumLength(LeadershipActivity.MaxSummaryLength).WithMessage("主要内容不能超过4000个字");
        RuleFor(x => x.TaskIds).Must(ids => ids.Count <= 100).WithMessage("关联任务过多");
    }
}

/// <summary>What the add and edit forms' shared fields (<c>_ActivityFields</c>) show: the input, the plan's year, the plan's tasks.</summary>
public sealed record ActivityFieldsModel(ActivityInput Form, int Year, IReadOnlyList<ActivityForm.TaskOption> TaskOptions);

/// <summary>What the register's forms load and how they store an entry's files.</summary>
public static class ActivityForm
{
    /// <summary>A task the form offers to link, with its numbered title.</summary>
    public sealed record TaskOption(int Id, int AreaOrdinal, string Title);

    /// <summary>The plan's tasks in the plan's order.</summary>
    public static async Task<IReadOnlyList<TaskOption>> TaskOptionsAsync(PlanDb db, int planId, CancellationToken ct) =>
        (await db.Tasks.AsNoTracking().Where(t => t.WorkPlanId == planId)
            .OrderBy(t => t.Area.Ordinal).ThenBy(t => t.SortOrder)
            .Select(t => new { t.Id, t.Area.Ordinal, t.Number, t.Title })
            .ToListAsync(ct))
        .Select(t => new TaskOption(t.Id, t.Ordinal, Labels.TaskTitle(t.Ordinal, t.Number, t.Title)))
        .ToList();

    /// <summary>The entry with what its rules look at (its plan, files and links), tracked for a change.</summary>
    public static Task<LeadershipActivity?> LoadForChangeAsync(this PlanDb db, int id, CancellationToken ct) =>
        db.LeadershipActivities.Include(a => a.Plan).Include(a => a.Evidence).Include(a => a.Tasks)
            .SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// The tasks the form names, tracked, when they are all of the plan; null (with the message on the form) when one is
    /// not: a crafted id is refused before anything changes.
    /// </summary>
    public static async Task<IReadOnlyList<Domain.Plans.PlanTask>?> LinkedTasksAsync(PlanDb db, int planId, IReadOnlyCollection<int> ids,
        ModelStateDictionary modelState, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var tasks = await db.Tasks.Where(t => distinct.Contains(t.Id) && t.WorkPlanId == planId).ToListAsync(ct);
        if (tasks.Count == distinct.Count) return tasks;
        modelState.AddModelError("", "只能关联本年度计划的任务");
        return null;
    }

    /// <summary>
    /// Saves the change that attached <paramref name="attached"/> and streams each file's content into the evidence store,
    /// in one transaction: nothing is committed unless every row and every byte is written (as a progress report's files).
    /// </summary>
    public static async Task<SaveResult> SaveWithFilesAsync(PlanDb db, Func<Task<SaveResult>> save,
        Func<IReadOnlyList<(ActivityEvidenceFile File, EvidenceUpload.Item Content)>> attached, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await save();
        if (result != SaveResult.Saved) return result;
        foreach (var (file, content) in attached())
        {
            await using var stream = content.Source.OpenReadStream();
            await EvidenceStore.WriteAsync(db, EvidenceStore.ChunkTable.Activities, file.Id, stream, ct);
        }
        await transaction.CommitAsync(ct);
        return result;
    }
}
