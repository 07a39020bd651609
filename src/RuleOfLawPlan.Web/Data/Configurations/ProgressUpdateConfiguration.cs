using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> b)
    {
        b.Property(u => u.Summary).HasMaxLength(4_000);
        b.Property(u => u.RecordedBy).HasMaxLength(ProgressUpdate.MaxRecordedByLength);
        b.HasOne<Section>().WithMany().HasForeignKey(u => u.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.PlanTaskId, u.RecordedAt });

        b.Property(u => u.ReviewComment).HasMaxLength(1_000);
        b.Property(u => u.ReviewedBy).HasMaxLength(100);
        // A correction names the update it supersedes; the chain stays a line (one correction each).
        b.HasOne<ProgressUpdate>().WithOne().HasForeignKey<ProgressUpdate>(u => u.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        // The review queue reads pending updates across tasks.
        b.HasIndex(u => u.Review).HasFilter("review = 'Pending'");

        // Views over many tasks read accepted and returned updates; the partial indexes keep their cost to the rows they
        // return at any size (docs/performance.md, EXPLAIN at 100×). Lights: a task's lead section's latest accepted day.
        b.HasIndex(u => new { u.PlanTaskId, u.SectionId, u.AsOf }, "AcceptedByTask").HasFilter("review = 'Accepted'")
            .HasDatabaseName("ix_progress_updates_accepted_by_task");
        // Dashboard: each section's latest accepted report, and its returned ones.
        b.HasIndex(u => new { u.SectionId, u.AsOf }, "AcceptedBySection").HasFilter("review = 'Accepted'")
            .HasDatabaseName("ix_progress_updates_accepted_by_section");
        b.HasIndex(u => u.SectionId, "ReturnedBySection").HasFilter("review = 'Returned'").HasDatabaseName("ix_progress_updates_returned_by_section");
        // The foreign key's own index, which EF would otherwise drop as "covered" by the partial ones above.
        b.HasIndex(u => u.SectionId).HasDatabaseName("ix_progress_updates_section_id");
        // Dashboard: the latest accepted reports, newest first.
        b.HasIndex(u => new { u.AsOf, u.ReviewedAt, u.Id }, "AcceptedRecent").HasFilter("review = 'Accepted'")
            .HasDatabaseName("ix_progress_updates_accepted_recent");
    }
}
