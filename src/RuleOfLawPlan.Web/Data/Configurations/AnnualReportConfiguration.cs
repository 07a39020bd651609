using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Reports;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("annual_reports");
        b.Property(r => r.Title).HasMaxLength(AnnualReport.MaxTitleLength);
        b.Ignore(r => r.Current);
        b.Ignore(r => r.Status);
        b.HasOne<WorkPlan>().WithMany().HasForeignKey(r => r.WorkPlanId).OnDelete(DeleteBehavior.Restrict);
        // One report per plan year: two offices drafting at once both start from the same row.
        b.HasIndex(r => r.WorkPlanId).IsUnique();

        b.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.AnnualReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.AnnualReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> b)
    {
        b.ToTable("report_revisions");
        b.Property(r => r.ApprovedBy).HasMaxLength(100);
        b.Property(r => r.SecrecyReviewedBy).HasMaxLength(100);
        b.Property(r => r.PublishedChannel).HasMaxLength(200);
        b.Ignore(r => r.IsFrozen);
        b.HasIndex(r => new { r.AnnualReportId, r.Number }).IsUnique();
        b.HasMany(r => r.Parts).WithOne().HasForeignKey(p => p.ReportRevisionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Parts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

sealed class ReportPartConfiguration : IEntityTypeConfiguration<ReportPart>
{
    public void Configure(EntityTypeBuilder<ReportPart> b)
    {
        b.ToTable("report_parts");
        b.Property(p => p.Text).HasMaxLength(ReportPart.MaxLength);
        b.Property(p => p.DraftedText).HasMaxLength(ReportPart.MaxLength);
        b.Ignore(p => p.IsEditedByOffice);
        b.Ignore(p => p.DraftParagraphs);
        b.HasIndex(p => new { p.ReportRevisionId, p.Number }).IsUnique();
    }
}

sealed class ReportStepConfiguration : IEntityTypeConfiguration<ReportStep>
{
    public void Configure(EntityTypeBuilder<ReportStep> b)
    {
        b.ToTable("report_steps");
        b.Property(s => s.By).HasMaxLength(100);
        b.Property(s => s.Comment).HasMaxLength(2_000);
        b.HasIndex(s => s.AnnualReportId);
    }
}
