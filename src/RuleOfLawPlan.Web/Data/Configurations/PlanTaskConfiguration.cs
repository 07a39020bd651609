using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("tasks");
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.ResponsibleLeader).HasMaxLength(100);
        b.Property(t => t.ExpectedOutcome).HasMaxLength(2_000);
        b.Ignore(t => t.IsOngoing);
        b.ToTable(t => t.HasCheckConstraint("ck_tasks_percent_complete", "percent_complete BETWEEN 0 AND 100"));

        // The area owns the task; the direct plan link is for plan-wide queries (dashboard, report).
        b.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.WorkPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Section>().WithMany().HasForeignKey(t => t.LeadSectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.WorkPlanId, t.KeyAreaId, t.SortOrder });
        b.HasIndex(t => t.LeadSectionId);

        b.HasMany(t => t.Supports).WithOne().HasForeignKey(s => s.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Supports).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Kpis).WithOne().HasForeignKey(k => k.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Kpis).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Deliverables).WithOne().HasForeignKey(d => d.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Deliverables).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Updates).WithOne().HasForeignKey(u => u.PlanTaskId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Instructions).WithOne().HasForeignKey(i => i.PlanTaskId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Instructions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Urges).WithOne().HasForeignKey(u => u.PlanTaskId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Urges).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(t => t.Evidence).WithOne().HasForeignKey(f => f.PlanTaskId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
