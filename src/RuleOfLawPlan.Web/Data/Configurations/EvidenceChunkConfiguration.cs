using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Data.Configurations;

sealed class EvidenceChunkConfiguration : IEntityTypeConfiguration<EvidenceChunk>
{
    public void Configure(EntityTypeBuilder<EvidenceChunk> b)
    {
        // Read back in order by this key alone: no other index, nothing else in the row but the bytes.
        b.HasKey(c => new { c.EvidenceFileId, c.Ordinal });
        b.HasOne<EvidenceFile>().WithMany().HasForeignKey(c => c.EvidenceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
