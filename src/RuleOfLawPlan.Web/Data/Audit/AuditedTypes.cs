using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using RuleOfLawPlan.Web.Security.SignIns;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Notifications;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Data.Audit;

/// <summary>
/// Which entities the audit trail records: every entity type of the model, except the few on
/// <see cref="Excluded"/>. A type added to the model later is audited without anyone remembering to;
/// <c>AuditCatalogTests</c> fails until it has Chinese labels (<see cref="AuditLabels"/>) or is excluded here.
/// </summary>
public static class AuditedTypes
{
    /// <summary>The one list of model types the trail leaves out, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Excluded = new Dictionary<Type, string>
    {
        [typeof(AuditEntry)] = "the trail itself: append-only, it records nothing about itself",
        [typeof(DataProtectionKey)] = "the key ring that encrypts sign-in cookies: a secret, rotated by the framework, not plan or account data",
        [typeof(SignInAttempt)] = "the sign-in log: a record of its own (who tried which account from where), written by every attempt",
        [typeof(Notification)] = "users' inboxes: copies of events recorded elsewhere (an urge, a returned update, an instruction) or of dates, written for each user and marked read by them; reading is not a change to plan data",
        [typeof(ReminderRun)] = "the reminder job's own bookkeeping (which days are done), not a change anyone makes",
        [typeof(EvidenceChunk)] = "an evidence file's bytes, a megabyte a row: the file's audited row records its name, size and SHA-256",
        [typeof(ActivityEvidenceChunk)] = "a register entry's file's bytes, as EvidenceChunk: the file's audited row records its name, size and SHA-256",
        [typeof(UserSession)] = "server-side sessions: written by every sign-in, sign-out and sliding renewal, not a change anyone makes",
    };

    /// <summary>Values that must never be written down; the trail records only that they changed.</summary>
    private static readonly HashSet<(string Type, string Property)> Secrets =
    [
        ("AppUser", "PasswordHash"), ("AppUser", "SecurityStamp"), ("AppUser", "ConcurrencyStamp"), ("UserToken", "Value"),
    ];

    /// <summary>
    /// Identity's sign-in bookkeeping: failed attempts and lockout. Written by every sign-in, they belong in the
    /// sign-in log; an administrator who unlocks an account is still audited (see <see cref="AuditInterceptor"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> SignInBookkeeping = new HashSet<string> { "AccessFailedCount", "LockoutEnd" };

    public const string SecretMarker = "（已更改，不记录内容）";

    public static bool IsAudited(IReadOnlyEntityType type) => !Excluded.ContainsKey(type.ClrType);

    public static bool IsSecret(string entityType, string property) => Secrets.Contains((entityType, property));

    /// <summary>
    /// The stable name an entry stores: the CLR name, with Identity's generic types named for what they hold
    /// (<c>IdentityUserRole&lt;string&gt;</c> → "UserRole", <c>IdentityRole</c> → "Role").
    /// </summary>
    public static string NameOf(IReadOnlyEntityType type) => NameOf(type.ClrType);

    public static string NameOf(Type type)
    {
        var name = type.Name;
        if (name.IndexOf('`') is var tick and > 0) name = name[..tick];
        return type.Namespace == typeof(IdentityRole).Namespace && name.StartsWith("Identity", StringComparison.Ordinal)
            ? name["Identity".Length..]
            : name;
    }

    /// <summary>The audited entity types of a model, by their stored name.</summary>
    public static IReadOnlyDictionary<string, IEntityType> In(IModel model) =>
        model.GetEntityTypes().Where(IsAudited).ToDictionary(NameOf);

    /// <summary>
    /// The task a row belongs to, read from the model rather than from a list: the task itself, the value of the
    /// row's foreign key to a task, or for a part of a part (指标数据 → 指标) the task of its parent, which the save
    /// tracks because the task's rules ran on it. A new kind of row that hangs off a task shows in that task's history by itself.
    /// </summary>
    public static int? TaskIdOf(EntityEntry entry)
    {
        if (TaskLink(entry.Metadata) is { } property) return entry.Property(property).CurrentValue is int id ? id : null;
        foreach (var foreignKey in entry.Metadata.GetForeignKeys().Where(fk => TaskLink(fk.PrincipalEntityType) is not null))
        {
            var values = foreignKey.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToList();
            var parent = entry.Context.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == foreignKey.PrincipalEntityType
                && foreignKey.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(values));
            if (parent is not null) return TaskIdOf(parent);
        }
        return null;
    }

    /// <summary>The property holding the task id: the key of a task, or the foreign key to one; null when none.</summary>
    public static string? TaskLink(IReadOnlyEntityType type)
    {
        if (type.ClrType == typeof(PlanTask)) return type.FindPrimaryKey()!.Properties[0].Name;
        return type.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType.ClrType == typeof(PlanTask))?.Properties[0].Name;
    }
}
