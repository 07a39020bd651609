using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using RuleOfLawPlan.Domain;

namespace RuleOfLawPlan.Web.Data;

/// <summary>
/// One version per aggregate. Before every save, each added, changed or removed part
/// (<see cref="IAggregatePart{TParent}"/>) marks its root as modified, so PostgreSQL rewrites the root's row and
/// its xmin (<see cref="IAggregateRoot.Version"/>) moves. The root's Version is its concurrency token, so the
/// same UPDATE also checks it: a save whose root carries an older original Version (a form's) fails with
/// <see cref="DbUpdateConcurrencyException"/> even when only a part changed (docs/decisions/012-one-version-per-aggregate.md).
/// </summary>
/// <remarks>
/// The touch marks one column of the root modified and leaves its value alone, so the row's data is unchanged
/// and the audit trail, which records changed values, writes nothing for it. Who belongs to whom comes from
/// the entity types (IAggregatePart&lt;TParent&gt;) and the model's foreign keys; a parent that is not tracked
/// is loaded (one query), so a part changed without its root still moves the root's version.
/// </remarks>
public static class AggregateVersions
{
    private static readonly ConcurrentDictionary<IReadOnlyEntityType, IReadOnlyForeignKey?> ParentKeys = new();
    private static readonly ConcurrentDictionary<IReadOnlyEntityType, string?> TouchProperties = new();

    public static void TouchRoots(DbContext db) =>
        TouchRootsAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    public static Task TouchRootsAsync(DbContext db, CancellationToken ct) => TouchRootsAsync(db, sync: false, ct);

    /// <summary>Whether the entity type declares itself a part of an aggregate.</summary>
    public static bool IsPart(IReadOnlyEntityType type) => DeclaredParent(type.ClrType) is not null;

    public static bool IsRoot(IReadOnlyEntityType type) => typeof(IAggregateRoot).IsAssignableFrom(type.ClrType);

    /// <summary>
    /// The foreign key from a part to the parent it declares, or null for an entity that is no part.
    /// Throws when the declaration and the model disagree (no foreign key, or several, to the parent).
    /// </summary>
    public static IReadOnlyForeignKey? ParentKey(IReadOnlyEntityType part) => ParentKeys.GetOrAdd(part, type =>
    {
        if (DeclaredParent(type.ClrType) is not { } parent) return null;
        var keys = type.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == parent).ToList();
        if (keys.Count != 1 || !keys[0].PrincipalKey.IsPrimaryKey())
        {
            throw new InvalidOperationException(
                $"{type.ClrType.Name} is declared a part of {parent.Name} but has {keys.Count} foreign keys to its primary key; it needs exactly one.");
        }
        return keys[0];
    });

    /// <summary>
    /// The column a touch marks modified: a plain value column (not a key, not generated, not the version),
    /// a small one where there is a choice. Null when the type has none and so cannot be touched.
    /// </summary>
    public static string? TouchProperty(IReadOnlyEntityType root) => TouchProperties.GetOrAdd(root, type => type.GetProperties()
        .Where(p => !p.IsKey() && !p.IsForeignKey() && !p.IsConcurrencyToken && !p.IsShadowProperty()
            && p.ValueGenerated == ValueGenerated.Never && p.GetAfterSaveBehavior() == PropertySaveBehavior.Save)
        .OrderBy(p => p.ClrType.IsValueType ? 0 : 1)
        .ThenBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => p.Name)
        .FirstOrDefault());

    private static Type? DeclaredParent(Type type) => type.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAggregatePart<>))
        .Select(i => i.GetGenericArguments()[0])
        .SingleOrDefault();

    private static async Task TouchRootsAsync(DbContext db, bool sync, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changedParts = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ParentKey(e.Metadata) is not null)
            .ToList();
        foreach (var part in changedParts)
        {
            // A part moved to another parent changes both aggregates.
            var parents = part.State == EntityState.Modified ? new[] { false, true } : [false];
            foreach (var original in parents)
            {
                if (await RootAsync(db, part, original, sync, ct) is { } root && !IsWritten(root))
                    Touch(root);
            }
        }
    }

    /// <summary>Follows the parts' foreign keys up to the root; null when a parent is new or gone.</summary>
    private static async Task<EntityEntry?> RootAsync(DbContext db, EntityEntry part, bool original, bool sync, CancellationToken ct)
    {
        var entry = part;
        while (ParentKey(entry.Metadata) is { } key)
        {
            var values = new object[key.Properties.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var property = entry.Property(key.Properties[i].Name);
                // A temporary key belongs to a parent being added: a new root needs no touch, and a new part touches its root itself.
                if (property.IsTemporary) return null;
                if ((original ? property.OriginalValue : property.CurrentValue) is not { } value) return null;
                values[i] = value;
            }
            var parentType = key.PrincipalEntityType.ClrType;
            var parent = sync ? db.Find(parentType, values) : await db.FindAsync(parentType, values, ct);
            if (parent is null) return null;
            entry = db.Entry(parent);
            original = false;
        }
        return entry;
    }

    /// <summary>
    /// Whether the save writes the root's row anyway. A root whose only modified property is its version (a form's
    /// version set as the original value marks it so) is not written: EF never writes xmin.
    /// </summary>
    private static bool IsWritten(EntityEntry root) => root.State switch
    {
        EntityState.Unchanged => false,
        EntityState.Modified => root.Properties.Any(p => p.IsModified && p.Metadata.GetAfterSaveBehavior() == PropertySaveBehavior.Save),
        _ => true,
    };

    private static void Touch(EntityEntry root)
    {
        var name = TouchProperty(root.Metadata)
            ?? throw new InvalidOperationException($"{root.Metadata.ClrType.Name} has no column a change to its parts can mark modified.");
        root.Property(name).IsModified = true;
    }
}
