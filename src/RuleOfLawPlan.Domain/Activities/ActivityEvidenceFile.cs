using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Domain.Activities;

/// <summary>
/// 佐证材料 of a register entry: like a task's <see cref="EvidenceFile"/>, what the upload said and what its content proved;
/// the bytes are stored beside it by the app's evidence store, and a file is never changed.
/// </summary>
public sealed class ActivityEvidenceFile : IAggregatePart<LeadershipActivity>
{
    private ActivityEvidenceFile() { }

    internal ActivityEvidenceFile(string fileName, EvidenceKind kind, long length, string sha256, string uploadedBy, DateTimeOffset uploadedAt)
    {
        EvidenceFile.CheckContent(kind, length, sha256);
        FileName = Guard.Text(fileName, EvidenceFile.MaxFileNameLength, "文件名");
        Kind = kind;
        Length = length;
        Sha256 = sha256;
        UploadedBy = Guard.Text(uploadedBy, 100, "上传人");
        UploadedAt = uploadedAt.ToUniversalTime();
    }

    public long Id { get; private set; }
    public int LeadershipActivityId { get; private set; }
    public string FileName { get; private set; } = "";
    public EvidenceKind Kind { get; private set; }
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}
