using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Data.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every inserted, updated and deleted row of every entity type the model has
/// (but the few <see cref="AuditedTypes.Excluded"/>), in the transaction of the change itself: either both are stored
/// or neither is. The transaction's id groups the entries of one save (<see cref="AuditEntry.ChangeSetId"/>).
/// </summary>
/// <remarks>
/// Before values are taken before the save (EF forgets them afterwards); keys and values of inserted rows
/// only exist after it, so the entries are written after the rows, and then the transaction commits.
/// </remarks>
public sealed class AuditInterceptor(IHttpContextAccessor httpContext, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        // Chinese stays readable in the database and in backups.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    private sealed record Change(EntityEntry Entry, AuditAction Action, string EntityType, string? Key,
        Dictionary<string, object?>? Before, List<string>? ChangedProperties);

    private sealed class Pending(List<Change> changes, IDbContextTransaction? ownTransaction)
    {
        public List<Change> Changes { get; } = changes;
        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;
        public bool WritingEntries { get; set; }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && !IsWritingEntries(context))
            Begin(context, context.Database.CurrentTransaction is null ? context.Database.BeginTransaction : null);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !IsWritingEntries(context))
        {
            var changes = Collect(context);
            if (changes.Count > 0)
            {
                var own = context.Database.CurrentTransaction is null
                    ? await context.Database.BeginTransactionAsync(cancellationToken)
                    : null;
                _pending.AddOrUpdate(context, new Pending(changes, own));
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && TakeForWriting(context) is { } pending)
        {
            try
            {
                context.AddRange(Entries(pending.Changes, context.Database.CurrentTransaction!.TransactionId));
                context.SaveChanges();
                pending.OwnTransaction?.Commit();
            }
            finally
            {
                End(context, pending);
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TakeForWriting(context) is { } pending)
        {
            try
            {
                context.AddRange(Entries(pending.Changes, context.Database.CurrentTransaction!.TransactionId));
                await context.SaveChangesAsync(cancellationToken);
                if (pending.OwnTransaction is not null) await pending.OwnTransaction.CommitAsync(cancellationToken);
            }
            finally
            {
                End(context, pending);
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.WritingEntries)
            End(context, pending);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A concurrency conflict does not reach <see cref="SaveChangesFailed"/>: without this the save's own transaction
    /// stayed open, and the next save on the same context (a retried append) ran inside it and was never committed.
    /// </summary>
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        SaveChangesFailed(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return ValueTask.FromResult(result);
    }

    private void Begin(DbContext context, Func<IDbContextTransaction>? beginTransaction)
    {
        var changes = Collect(context);
        if (changes.Count > 0) _pending.AddOrUpdate(context, new Pending(changes, beginTransaction?.Invoke()));
    }

    private bool IsWritingEntries(DbContext context) => _pending.TryGetValue(context, out var p) && p.WritingEntries;

    private Pending? TakeForWriting(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var pending) || pending.WritingEntries) return null;
        pending.WritingEntries = true;
        return pending;
    }

    /// <summary>Disposing a transaction that was not committed rolls it back, audit entries and all.</summary>
    private void End(DbContext context, Pending pending)
    {
        _pending.Remove(context);
        pending.OwnTransaction?.Dispose();
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().ToList()) entry.State = EntityState.Detached;
    }

    private List<Change> Collect(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var changes = new List<Change>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (!AuditedTypes.IsAudited(entry.Metadata)) continue;
            var type = AuditedTypes.NameOf(entry.Metadata);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new Change(entry, AuditAction.Insert, type, null, null, null));
                    break;
                case EntityState.Deleted:
                    changes.Add(new Change(entry, AuditAction.Delete, type, KeyOf(entry), Values(entry, type, original: true, null), null));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties
                        .Where(p => p.IsModified && !p.Metadata.IsConcurrencyToken && !Equals(p.OriginalValue, p.CurrentValue))
                        .Select(p => p.Metadata.Name).ToList();
                    if (changed.Count > 0 && !IsSignInBookkeeping(entry, changed))
                        changes.Add(new Change(entry, AuditAction.Update, type, KeyOf(entry), Values(entry, type, original: true, changed), changed));
                    break;
            }
        }
        return changes;
    }

    /// <summary>
    /// A sign-in counts failed attempts and locks the account out, with nobody signed in yet. Those writes are the
    /// sign-in's own record, not a change anyone made to the account: an administrator who unlocks an account, or a
    /// command run from the console, is still audited.
    /// </summary>
    private bool IsSignInBookkeeping(EntityEntry entry, List<string> changed) =>
        entry.Entity is AppUser
        && httpContext.HttpContext is { User.Identity.IsAuthenticated: not true }
        && changed.All(AuditedTypes.SignInBookkeeping.Contains);

    /// <param name="changeSetId">The transaction's id: every save inside one transaction shares it.</param>
    private IEnumerable<AuditEntry> Entries(List<Change> changes, Guid changeSetId)
    {
        var at = clock.GetUtcNow();
        var (userId, userName) = CurrentUser();
        foreach (var change in changes)
        {
            var after = change.Action switch
            {
                AuditAction.Insert => Values(change.Entry, change.EntityType, original: false, null),
                AuditAction.Update => Values(change.Entry, change.EntityType, original: false, change.ChangedProperties),
                _ => null,
            };
            yield return new AuditEntry(changeSetId, at, userId, userName, change.Action, change.EntityType,
                change.Key ?? KeyOf(change.Entry),
                change.Before is null ? null : JsonSerializer.Serialize(change.Before, Json),
                after is null ? null : JsonSerializer.Serialize(after, Json),
                AuditedTypes.TaskIdOf(change.Entry));
        }
    }

    private (string? Id, string Name) CurrentUser()
    {
        var user = httpContext.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true) return (null, "system");
        return (user.FindFirstValue(ClaimTypes.NameIdentifier), AppUser.Label(user.DisplayName(), user.Identity.Name));
    }

    private static string KeyOf(EntityEntry entry) => string.Join(",",
        entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    private static Dictionary<string, object?> Values(EntityEntry entry, string type, bool original, IReadOnlyCollection<string>? only)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsConcurrencyToken || (only is not null && !only.Contains(name))) continue;
            values[name] = AuditedTypes.IsSecret(type, name)
                ? AuditedTypes.SecretMarker
                : Normalize(original ? property.OriginalValue : property.CurrentValue);
        }
        return values;
    }

    /// <summary>Instants as PostgreSQL keeps them (UTC, microseconds), so the trail matches the row.</summary>
    private static object? Normalize(object? value) => value switch
    {
        DateTimeOffset instant => new DateTimeOffset(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero),
        _ => value,
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
