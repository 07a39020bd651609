using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class KpiReadingConfiguration : IEntityTypeConfiguration<KpiReading>
{
    public void Configure(EntityTypeBuilder<KpiReading> b)
    {
        b.Property(r => r.Percent).HasPrecision(5, 2);
        b.Property(r => r.Source).HasMaxLength(500);
        b.Property(r => r.RecordedBy).HasMaxLength(ProgressUpdate.MaxRecordedByLength);
        b.Ignore(r => r.Value);
        // The latest reading of a KPI is read by as-of date, then by when it was recorded.
        b.HasIndex(r => new { r.KpiId, r.AsOf, r.RecordedAt });
    }
}
