using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Evidence;

/// <summary>
/// One piece (up to <see cref="EvidenceStore.ChunkSize"/>) of an evidence file's content, in order. Written and read
/// only by <see cref="EvidenceStore"/>, a chunk at a time, so no file is ever held in memory whole.
/// </summary>
public sealed class EvidenceChunk : IAggregatePart<EvidenceFile>
{
    private EvidenceChunk() { }

    public long EvidenceFileId { get; private set; }

    /// <summary>0, 1, 2… in the order the bytes come.</summary>
    public int Ordinal { get; private set; }

    public byte[] Data { get; private set; } = [];
}
