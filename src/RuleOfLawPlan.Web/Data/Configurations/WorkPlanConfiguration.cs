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
