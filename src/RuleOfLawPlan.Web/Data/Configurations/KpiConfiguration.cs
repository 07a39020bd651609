using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> b)
    {
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.SourceSentence).HasMaxLength(2_000);
        b.Property(k => k.Unit).HasMaxLength(20);
        b.Property(k => k.Target).HasPrecision(9, 2);

        b.HasMany(k => k.Readings).WithOne().HasForeignKey(r => r.KpiId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(k => k.Readings).HasField("_readings");
    }
}
