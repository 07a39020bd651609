using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Pages.Shared;

public static class TrySaveExtensions
{
    /// <summary>The hidden field a form carries its root's version in: the <see cref="IAggregateRoot.Version"/> it was opened with.</summary>
    public const string VersionField = "Form.Version";

    /// <summary>What a form whose hidden version is not a version hears (<see cref="FormVersionFilter"/>).</summary>
    public const string StaleFormMessage = "表单已过期或被修改，请刷新页面后重试";

    private const string DuplicateMessage = "与已有记录重复，请修改后再提交";

    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(PlanTask)] = "任务",
        [typeof(WorkPlan)] = "计划",
        [typeof(Section)] = "科室",
        [typeof(Organization)] = "单位",
    };

    /// <summary>
    /// The one way a form changes plan data: apply the entity's method to an aggregate the form was opened on,
    /// then one save, checked against the version the form carried.
    /// </summary>
    /// <param name="db">The context that loaded <paramref name="root"/> (tracked, with what its rules look at).</param>
    /// <param name="root">The aggregate root the change goes through.</param>
    /// <param name="formVersion">
    /// The root's <see cref="IAggregateRoot.Version"/> the form was opened with (its hidden <c>Form.Version</c>):
    /// it becomes the original value EF checks in the UPDATE, so a change to the root or any part of it since
    /// then refuses the save. Null for a change that was not opened on what it changes (<see cref="TryAppendAsync{TRoot}"/> passes it): then
    /// only a change between loading and saving is a conflict.
    /// </param>
    /// <param name="change">The entity's intent method, e.g. <c>t =&gt; t.Assign(…)</c>.</param>
    /// <param name="modelState">The page's ModelState: unless the result is Saved, it holds the reason in Chinese.</param>
    /// <param name="ct">The request's cancellation token.</param>
    /// <param name="duplicate">Where to report a unique value taken by another aggregate; by default a model-level message.</param>
    /// <returns>
    /// <see cref="SaveResult.Saved"/>; <see cref="SaveResult.Refused"/> (a <see cref="DomainException"/>, its message added);
    /// <see cref="SaveResult.Conflict"/> (the aggregate changed since <paramref name="formVersion"/>, or another save
    /// raced this one within the aggregate, e.g. two identical adds: the conflict message is added and the form's
    /// hidden <c>Form.Version</c> renders the stored version — the page then shows the stored values beside the
    /// user's input, which it keeps); <see cref="SaveResult.Duplicate"/> (a unique index across aggregates said no).
    /// Unless Saved, nothing was stored and the context tracks nothing any more: load again what the page shows.
    /// </returns>
    public static async Task<SaveResult> TrySaveAsync<TRoot>(this PlanDb db, TRoot root, uint? formVersion, Action<TRoot> change,
        ModelStateDictionary modelState, CancellationToken ct, FieldMessage? duplicate = null)
        where TRoot : class, IAggregateRoot
    {
        var entry = db.Entry(root);
        if (entry.State == EntityState.Detached)
            throw new InvalidOperationException($"Load the {typeof(TRoot).Name} with this context before changing it.");
        if (formVersion is { } version) entry.Property(nameof(IAggregateRoot.Version)).OriginalValue = version;

        var result = await SaveAsync(db, () => change(root), modelState, duplicate, ct);
        if (result == SaveResult.Conflict)
        {
            modelState.AddModelError("", ConflictMessage(Names.GetValueOrDefault(typeof(TRoot), "内容")));
            if (await entry.GetDatabaseValuesAsync(ct) is { } stored)
            {
                // The input tag helper renders ModelState's value before the model's: the next submit claims what the page now shows.
                var current = stored.GetValue<uint>(nameof(IAggregateRoot.Version)).ToString(CultureInfo.InvariantCulture);
                modelState.Remove(VersionField);
                modelState.SetModelValue(VersionField, current, current);
            }
        }
        if (result != SaveResult.Saved) db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>How often <see cref="TryAppendAsync{TRoot}"/> tries before it reports a conflict.</summary>
    public const int AppendAttempts = 5;

    /// <summary>
    /// A change that only adds to an aggregate and does not depend on what the form showed (a progress update): another
    /// save of the same aggregate in between is no reason to refuse it. On a conflict the aggregate is loaded again and
    /// the change applied to it again, so its rules judge it against what is stored now; only after
    /// <see cref="AppendAttempts"/> lost races is it reported as a conflict. Outcomes otherwise as in
    /// <see cref="TrySaveAsync{TRoot}"/>.
    /// </summary>
    /// <param name="reload">Loads the aggregate again, tracked, with what its rules look at; null when it is gone.</param>
    public static async Task<SaveResult> TryAppendAsync<TRoot>(this PlanDb db, TRoot root, Func<CancellationToken, Task<TRoot?>> reload,
        Action<TRoot> change, ModelStateDictionary modelState, CancellationToken ct)
        where TRoot : class, IAggregateRoot
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt == AppendAttempts;
            // A lost race is not the user's error: its message is kept only if this is the last try.
            var attemptState = last ? modelState : new ModelStateDictionary();
            var result = await db.TrySaveAsync(root, formVersion: null, change, attemptState, ct);
            if (result != SaveResult.Conflict || last)
            {
                if (!last) modelState.Merge(attemptState);
                return result;
            }
            if (await reload(ct) is not { } again)
            {
                modelState.AddModelError("", ConflictMessage(Names.GetValueOrDefault(typeof(TRoot), "内容")));
                return SaveResult.Conflict;
            }
            root = again;
        }
    }

    /// <summary>
    /// <see cref="TryAppendAsync{TRoot}"/> for a report that comes with 佐证材料: <paramref name="change"/> records the update
    /// (or reading) and attaches the checked files of <paramref name="upload"/> to it, returning each file's entity with the
    /// file it stands for. The rows and the files' content are one transaction: the content is streamed into the
    /// evidence store after the rows are saved, and nothing is committed unless all of it is written. A lost race rolls
    /// back to before the rows (EF's savepoint) and the change is applied again to the aggregate as stored.
    /// </summary>
    public static async Task<SaveResult> TryAppendWithEvidenceAsync<TRoot>(this PlanDb db, TRoot root, Func<CancellationToken, Task<TRoot?>> reload,
        EvidenceUpload upload, Func<TRoot, EvidenceUpload, IReadOnlyList<(EvidenceFile File, EvidenceUpload.Item Content)>> change,
        ModelStateDictionary modelState, CancellationToken ct)
        where TRoot : class, IAggregateRoot
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IReadOnlyList<(EvidenceFile File, EvidenceUpload.Item Content)> attached = [];
        var result = await db.TryAppendAsync(root, reload, r => attached = change(r, upload), modelState, ct);
        if (result != SaveResult.Saved) return result;
        foreach (var (file, content) in attached)
        {
            await using var stream = content.Source.OpenReadStream();
            await EvidenceStore.WriteAsync(db, file.Id, stream, ct);
        }
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// A change that starts a new aggregate (新建科室), so there is no version to check. Outcomes as in
    /// <see cref="TrySaveAsync{TRoot}"/>; unless Saved, the context tracks nothing any more.
    /// </summary>
    public static async Task<SaveResult> TrySaveAsync(this PlanDb db, Action change, ModelStateDictionary modelState,
        CancellationToken ct, FieldMessage? duplicate = null)
    {
        var result = await SaveAsync(db, change, modelState, duplicate, ct);
        if (result == SaveResult.Conflict) modelState.AddModelError("", ConflictMessage("内容"));
        if (result != SaveResult.Saved) db.ChangeTracker.Clear();
        return result;
    }

    private static string ConflictMessage(string what) => $"该{what}已被他人修改，下面是当前内容。请核对后再提交，您的修改尚未保存。";

    private static async Task<SaveResult> SaveAsync(PlanDb db, Action change, ModelStateDictionary modelState,
        FieldMessage? duplicate, CancellationToken ct)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved;
        }
        catch (DomainException ex)
        {
            modelState.AddModelError("", ex.Message);
            return SaveResult.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Within an aggregate the root's rules keep parts unique, so a part's unique index only says no when another
            // save of the same aggregate got there first (two identical adds at once): that is a conflict.
            if (IsPartTable(db, unique.TableName)) return SaveResult.Conflict;
            (duplicate ?? new FieldMessage("", DuplicateMessage)).AddTo(modelState);
            return SaveResult.Duplicate;
        }
    }

    private static bool IsPartTable(PlanDb db, string? table) =>
        db.Model.GetEntityTypes().Any(t => t.GetTableName() == table && AggregateVersions.IsPart(t));
}
