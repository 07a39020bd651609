using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> b)
    {
        b.ToTable("plans");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.IssuingOrgan).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.OrganizationId, p.Year });

        b.HasMany(p => p.Areas).WithOne(a => a.Plan).HasForeignKey(a => a.WorkPlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Areas).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasMany(p => p.Requirements).WithOne().HasForeignKey(r => r.WorkPlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Requirements).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

sealed class PlanRequirementConfiguration : IEntityTypeConfiguration<PlanRequirement>
{
    public void Configure(EntityTypeBuilder<PlanRequirement> b)
    {
        b.ToTable("plan_requirements");
        b.Property(r => r.Title).HasMaxLength(500);
        b.HasIndex(r => new { r.WorkPlanId, r.Ordinal }).IsUnique();
    }
}

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
