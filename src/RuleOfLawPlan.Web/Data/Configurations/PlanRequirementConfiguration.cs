using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class PlanRequirementConfiguration : IEntityTypeConfiguration<PlanRequirement>
{
    public void Configure(EntityTypeBuilder<PlanRequirement> b)
    {
        b.ToTable("plan_requirements");
        b.Property(r => r.Title).HasMaxLength(500);
        b.HasIndex(r => new { r.WorkPlanId, r.Ordinal }).IsUnique();
    }
}
