using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Activities;

namespace RuleOfLawPlan.Web.Data.Evidence;

/// <summary>
/// One piece of a register entry's file, as <see cref="EvidenceChunk"/> is of a task's: its own table, because each
/// table's foreign key keeps its chunks from outliving their file. Written and read only by <see cref="EvidenceStore"/>.
/// </summary>
public sealed class ActivityEvidenceChunk : IAggregatePart<ActivityEvidenceFile>
{
    private ActivityEvidenceChunk() { }

    public long ActivityEvidenceFileId { get; private set; }

    /// <summary>0, 1, 2… in the order the bytes come.</summary>
    public int Ordinal { get; private set; }

    public byte[] Data { get; private set; } = [];
}
