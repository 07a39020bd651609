using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable(t => t.HasCheckConstraint("ck_evidence_files_backs_one",
            "(progress_update_id IS NULL) <> (kpi_reading_id IS NULL)"));
        b.ToTable(t => t.HasCheckConstraint("ck_evidence_files_length", "length > 0"));
        b.Property(f => f.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.UploadedBy).HasMaxLength(100);
        b.HasOne(f => f.ProgressUpdate).WithMany().HasForeignKey(f => f.ProgressUpdateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(f => f.KpiReading).WithMany().HasForeignKey(f => f.KpiReadingId).OnDelete(DeleteBehavior.Restrict);
        // The task page lists an update's files; the KPI page a reading's.
        b.HasIndex(f => f.ProgressUpdateId).HasFilter("progress_update_id IS NOT NULL");
        b.HasIndex(f => f.KpiReadingId).HasFilter("kpi_reading_id IS NOT NULL");
    }
}
