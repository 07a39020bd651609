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
    }
}

sealed class TaskSupportConfiguration : IEntityTypeConfiguration<TaskSupport>
{
    public void Configure(EntityTypeBuilder<TaskSupport> b)
    {
        b.ToTable("task_supports");
        b.HasKey(s => new { s.PlanTaskId, s.SectionId });
        b.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> b)
    {
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.SourceSentence).HasMaxLength(2_000);
        b.Property(k => k.Unit).HasMaxLength(20);
        b.Property(k => k.Target).HasPrecision(9, 2);

        // KPI readings are a domain rule whose pages and table come with progress tracking (issue 8).
        b.Ignore(k => k.Readings);
    }
}

sealed class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> b) => b.Property(d => d.Name).HasMaxLength(300);
}

sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> b)
    {
        b.Property(u => u.Summary).HasMaxLength(4_000);
        b.Property(u => u.RecordedBy).HasMaxLength(100);
        b.HasOne<Section>().WithMany().HasForeignKey(u => u.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.PlanTaskId, u.RecordedAt });

        // Review (审核) and corrections are domain rules whose pages and columns come with progress tracking
        // (issue 8); until then the progress form records through RecordProgressWithoutReview.
        b.Ignore(u => u.Review);
        b.Ignore(u => u.ReviewComment);
        b.Ignore(u => u.ReviewedBy);
        b.Ignore(u => u.ReviewedAt);
        b.Ignore(u => u.SupersedesId);
        b.Ignore(u => u.IsSuperseded);
    }
}

sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> b)
    {
        b.Property(i => i.Text).HasMaxLength(2_000);
        b.Property(i => i.Leader).HasMaxLength(100);
        b.HasIndex(i => new { i.PlanTaskId, i.IssuedAt });

        // Answering a 批示 (办理情况) is a domain rule whose page and columns come with progress tracking (issue 8).
        b.Ignore(i => i.Answer);
        b.Ignore(i => i.AnsweredBySectionId);
        b.Ignore(i => i.AnsweredBy);
        b.Ignore(i => i.AnsweredAt);
    }
}
