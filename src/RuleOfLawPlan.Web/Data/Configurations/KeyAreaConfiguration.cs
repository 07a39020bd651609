using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class KeyAreaConfiguration : IEntityTypeConfiguration<KeyArea>
{
    public void Configure(EntityTypeBuilder<KeyArea> b)
    {
        b.ToTable("key_areas");
        b.Property(a => a.Title).HasMaxLength(500);
        b.Ignore(a => a.OrdinalText);
        b.HasIndex(a => new { a.WorkPlanId, a.Ordinal }).IsUnique();
        b.HasMany(a => a.Tasks).WithOne(t => t.Area).HasForeignKey(t => t.KeyAreaId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
