using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class TaskSupportConfiguration : IEntityTypeConfiguration<TaskSupport>
{
    public void Configure(EntityTypeBuilder<TaskSupport> b)
    {
        b.ToTable("task_supports");
        b.HasKey(s => new { s.PlanTaskId, s.SectionId });
        b.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
