using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> b)
    {
        b.Property(i => i.Text).HasMaxLength(2_000);
        b.Property(i => i.Leader).HasMaxLength(100);
        b.HasIndex(i => new { i.PlanTaskId, i.IssuedAt });

        b.Property(i => i.Answer).HasMaxLength(2_000);
        b.Property(i => i.AnsweredBy).HasMaxLength(100);
        b.HasOne<Section>().WithMany().HasForeignKey(i => i.AnsweredBySectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
