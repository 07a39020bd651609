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

        // Review (审核) and corrections are domain rules whose pages and columns come with progress tracking
        // (issue 8); until then the progress form records through RecordProgressWithoutReview.
        b.Ignore(u => u.Review);
        b.Ignore(u => u.ReviewComment);
        b.Ignore(u => u.ReviewedBy);
        b.Ignore(u => u.ReviewedAt);
        b.Ignore(u => u.SupersedesId);
        b.Ignore(u => u.IsSuperseded);
    }
}
