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
        if (!Enum.IsDefined(kind)) throw new DomainException("文件类型无效");
        if (length <= 0) throw new DomainException("不能上传空文件");
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new InvalidOperationException("SHA-256 is 64 lower-case hex digits.");
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
