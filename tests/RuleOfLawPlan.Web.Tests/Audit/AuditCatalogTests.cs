using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Tests.Audit;

/// <summary>
/// Audit by default: every entity type of the model is audited unless <see cref="AuditedTypes.Excluded"/> names it,
/// and what the trail records can be shown in Chinese — a label for the type and each field it records, and for each
/// value of each enum such a field holds.
/// </summary>
public sealed partial class AuditCatalogTests(PostgresClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_type_of_the_model_is_audited_with_chinese_labels_or_excluded()
    {
        using var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), "Host=model-only").Options);

        Problems(db.Model).ShouldBeEmpty();
        AuditedTypes.Excluded.Keys.ShouldAllBe(t => db.Model.FindEntityType(t) != null, "every exclusion names a type of the model");
        AuditLabels.TypeNames.ShouldBe(AuditedTypes.In(db.Model).Keys, ignoreOrder: true, "the catalog describes the audited types, and no others");
    }

    [Fact]
    public void A_new_entity_without_labels_fails_the_check_by_name()
    {
        using var db = new ScratchDb("Host=model-only");

        var problems = Problems(db.Model);

        problems.ShouldContain(p => p.Contains(nameof(ScratchNote)) && p.Contains("no Chinese label"));
        problems.ShouldContain(p => p.Contains($"{nameof(ScratchNote)}.{nameof(ScratchNote.Body)}"));
    }

    /// <summary>
    /// Nobody registered the scratch type anywhere, yet a save writes its entry: the interceptor audits what the
    /// model has, not a list. (Its pages would show English until it gets labels, which the check above refuses.)
    /// </summary>
    [Fact]
    public async Task A_new_entity_is_audited_without_being_registered()
    {
        var connectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(await AppFixture.SeededTemplateAsync(cluster)));
        await Sql.Execute(connectionString, "CREATE TABLE scratch_notes (id serial PRIMARY KEY, body text NOT NULL)");
        await using var db = new ScratchDb(connectionString, new AuditInterceptor(new HttpContextAccessor(), TimeProvider.System));

        db.Notes.Add(new ScratchNote { Body = "草稿" });
        await db.SaveChangesAsync(Ct);

        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(ScratchNote), Ct);
        entry.Action.ShouldBe(AuditAction.Insert);
        entry.After!.ShouldContain("草稿");
    }

    /// <summary>What stands between a model type and a history in Chinese, one line per gap, naming the type.</summary>
    private static List<string> Problems(IModel model)
    {
        var problems = new List<string>();
        foreach (var (name, type) in AuditedTypes.In(model))
        {
            if (AuditLabels.TypeLabelOrNull(name) is not { } label)
                problems.Add($"{type.ClrType.Name} is audited as \"{name}\" but has no Chinese label: add it to AuditLabels or to AuditedTypes.Excluded");
            else if (!IsChinese(label))
                problems.Add($"{name}: label \"{label}\" is not Chinese");

            foreach (var property in type.GetProperties().Where(p => !p.IsConcurrencyToken))
            {
                if (AuditLabels.FieldLabelOrNull(name, property.Name) is not { } field)
                    problems.Add($"{name}.{property.Name} has no Chinese label in AuditLabels");
                else if (!IsChinese(field))
                    problems.Add($"{name}.{property.Name}: label \"{field}\" is not Chinese");

                var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (clr.IsEnum)
                {
                    problems.AddRange(Enum.GetValues(clr).Cast<Enum>().Where(v => !IsChinese(Labels.Of(v)))
                        .Select(v => $"{name}.{property.Name}: {clr.Name}.{v} has no Chinese name in Labels.Of"));
                }
            }
        }
        return problems;
    }

    private static bool IsChinese(string text) => Han().IsMatch(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    public sealed class ScratchNote
    {
        public int Id { get; set; }
        public string Body { get; set; } = "";
    }

    /// <summary>A test-only model: a type nobody told the audit trail about, beside the trail itself.</summary>
    private sealed class ScratchDb(string connectionString, params IInterceptor[] interceptors) : DbContext
    {
        public DbSet<ScratchNote> Notes => Set<ScratchNote>();
        public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            PlanDbOptions.Configure(options, connectionString).AddInterceptors(interceptors);

        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<ScratchNote>().ToTable("scratch_notes");
            builder.Entity<AuditEntry>(b =>
            {
                b.ToTable("audit_entries");
                b.Property(e => e.Action).HasConversion<string>();
                b.Property(e => e.Before).HasColumnType("jsonb");
                b.Property(e => e.After).HasColumnType("jsonb");
            });
        }
    }
}
