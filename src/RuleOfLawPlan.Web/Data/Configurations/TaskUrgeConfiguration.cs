using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class TaskUrgeConfiguration : IEntityTypeConfiguration<TaskUrge>
{
    public void Configure(EntityTypeBuilder<TaskUrge> b)
    {
        b.ToTable("task_urges");
        b.Property(u => u.Note).HasMaxLength(1_000);
        b.Property(u => u.UrgedBy).HasMaxLength(100);
        b.HasIndex(u => new { u.PlanTaskId, u.UrgedAt });
    }
}
