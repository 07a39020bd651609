using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

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
