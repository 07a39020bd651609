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
        b.Property(u => u.RecordedBy).HasMaxLength(100);
        b.HasOne<Section>().WithMany().HasForeignKey(u => u.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.PlanTaskId, u.RecordedAt });

        b.Property(u => u.ReviewComment).HasMaxLength(1_000);
        b.Property(u => u.ReviewedBy).HasMaxLength(100);
        // A correction names the update it supersedes; the chain stays a line (one correction each).
        b.HasOne<ProgressUpdate>().WithOne().HasForeignKey<ProgressUpdate>(u => u.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        // The review queue reads pending updates across tasks.
        b.HasIndex(u => u.Review).HasFilter("review = 'Pending'");
    }
}
