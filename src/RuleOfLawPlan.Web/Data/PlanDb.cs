using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;
using RuleOfLawPlan.Web.Data.Audit;
using RuleOfLawPlan.Web.Notifications;
using RuleOfLawPlan.Web.Data.Evidence;
using RuleOfLawPlan.Web.Security.SignIns;

namespace RuleOfLawPlan.Web.Data;

/// <summary>The one DbContext: plan data, accounts and data-protection keys in one PostgreSQL database.</summary>
public sealed class PlanDb(DbContextOptions<PlanDb> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<WorkPlan> Plans => Set<WorkPlan>();
    public DbSet<KeyArea> Areas => Set<KeyArea>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiReading> KpiReadings => Set<KpiReading>();
    public DbSet<Deliverable> Deliverables => Set<Deliverable>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<Instruction> Instructions => Set<Instruction>();
    public DbSet<TaskUrge> TaskUrges => Set<TaskUrge>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<EvidenceChunk> EvidenceChunks => Set<EvidenceChunk>();
    public DbSet<LeadershipActivity> LeadershipActivities => Set<LeadershipActivity>();
    public DbSet<ActivityEvidenceFile> ActivityEvidenceFiles => Set<ActivityEvidenceFile>();
    public DbSet<ActivityTaskLink> ActivityTaskLinks => Set<ActivityTaskLink>();
    public DbSet<ActivityEvidenceChunk> ActivityEvidenceChunks => Set<ActivityEvidenceChunk>();
    public DbSet<AnnualReport> Reports => Set<AnnualReport>();
    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>A change to any part of an aggregate moves its root's version (<see cref="AggregateVersions"/>).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AggregateVersions.TouchRoots(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await AggregateVersions.TouchRootsAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlanDb).Assembly);

        // Identity names its tables explicitly ("AspNetUsers"), which the snake_case convention leaves alone;
        // one naming rule for every table keeps hand-written SQL and backups unsurprising.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.GetTableName()?.StartsWith("AspNet", StringComparison.Ordinal) == true))
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in SQL, in the audit trail and in backups.
        configurationBuilder.Properties<PlanStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<PlanTaskStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<KpiComparator>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<KpiKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<DeliverableAction>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SectionKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<NotificationKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<LeadershipActivityKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<EvidenceKind>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<ReportStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReportStepKind>().HaveConversion<string>().HaveMaxLength(20);
    }
}
