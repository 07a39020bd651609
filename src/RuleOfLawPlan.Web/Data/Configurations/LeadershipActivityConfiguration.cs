using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Activities;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class LeadershipActivityConfiguration : IEntityTypeConfiguration<LeadershipActivity>
{
    public void Configure(EntityTypeBuilder<LeadershipActivity> b)
    {
        b.ToTable("leadership_activities");
        b.Property(a => a.Title).HasMaxLength(LeadershipActivity.MaxTitleLength);
        b.Property(a => a.ChairedBy).HasMaxLength(LeadershipActivity.MaxChairedByLength);
        b.Property(a => a.Summary).HasMaxLength(LeadershipActivity.MaxSummaryLength);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.HasOne(a => a.Plan).WithMany().HasForeignKey(a => a.WorkPlanId).OnDelete(DeleteBehavior.Restrict);
        // The register and the report read a plan's entries by kind, in date order.
        b.HasIndex(a => new { a.WorkPlanId, a.Kind, a.HeldOn });

        // Removing an entry removes its files and links with it (the audit trail keeps what they were).
        b.HasMany(a => a.Evidence).WithOne().HasForeignKey(f => f.LeadershipActivityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Tasks).WithOne().HasForeignKey(l => l.LeadershipActivityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

sealed class ActivityEvidenceFileConfiguration : IEntityTypeConfiguration<ActivityEvidenceFile>
{
    public void Configure(EntityTypeBuilder<ActivityEvidenceFile> b)
    {
        b.ToTable("activity_evidence_files", t => t.HasCheckConstraint("ck_activity_evidence_files_length", "length > 0"));
        b.Property(f => f.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.UploadedBy).HasMaxLength(100);
    }
}

sealed class ActivityTaskLinkConfiguration : IEntityTypeConfiguration<ActivityTaskLink>
{
    public void Configure(EntityTypeBuilder<ActivityTaskLink> b)
    {
        b.ToTable("activity_task_links");
        b.HasKey(l => new { l.LeadershipActivityId, l.PlanTaskId });
        b.HasOne<PlanTask>().WithMany().HasForeignKey(l => l.PlanTaskId).OnDelete(DeleteBehavior.Restrict);
        // A task's page may one day list the entries that served it.
        b.HasIndex(l => l.PlanTaskId);
    }
}

sealed class ActivityEvidenceChunkConfiguration : IEntityTypeConfiguration<ActivityEvidenceChunk>
{
    public void Configure(EntityTypeBuilder<ActivityEvidenceChunk> b)
    {
        b.ToTable("activity_evidence_chunks");
        b.HasKey(c => new { c.ActivityEvidenceFileId, c.Ordinal });
        b.HasOne<ActivityEvidenceFile>().WithMany().HasForeignKey(c => c.ActivityEvidenceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
