namespace RuleOfLawPlan.Domain.Plans;

/// <summary>
/// 佐证材料: a file that backs a progress update (or a KPI reading) of the task. What is kept here is what the
/// upload said and what its content proved: the name as uploaded, the kind its bytes showed, its size and SHA-256.
/// The bytes themselves are stored beside it (the app's evidence store); like the update, a file is never changed.
/// </summary>
public sealed class EvidenceFile : IAggregatePart<PlanTask>
{
    /// <summary>Long enough for any name a file system allows (255 bytes), in characters.</summary>
    public const int MaxFileNameLength = 255;

    private EvidenceFile() { }

    /// <summary>What every stored file must have proved, whatever it backs: a known kind, some bytes, their SHA-256.</summary>
    internal static void CheckContent(EvidenceKind kind, long length, string sha256)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("文件类型无效");
        if (length <= 0) throw new DomainException("不能上传空文件");
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new InvalidOperationException("SHA-256 is 64 lower-case hex digits.");
    }

    internal EvidenceFile(ProgressUpdate? update, KpiReading? reading, string fileName, EvidenceKind kind, long length,
        string sha256, string uploadedBy, DateTimeOffset uploadedAt)
    {
        if ((update is null) == (reading is null)) throw new InvalidOperationException("A file backs either an update or a reading.");
        CheckContent(kind, length, sha256);
        ProgressUpdate = update;
        KpiReading = reading;
        FileName = Guard.Text(fileName, MaxFileNameLength, "文件名");
        Kind = kind;
        Length = length;
        Sha256 = sha256;
        UploadedBy = Guard.Text(uploadedBy, 100, "上传人");
        UploadedAt = uploadedAt.ToUniversalTime();
    }

    public long Id { get; private set; }
    public int PlanTaskId { get; private set; }

    /// <summary>The progress update it backs; null when it backs a KPI reading.</summary>
    public long? ProgressUpdateId { get; private set; }
    public ProgressUpdate? ProgressUpdate { get; private set; }

    /// <summary>The KPI reading it backs; null when it backs a progress update.</summary>
    public long? KpiReadingId { get; private set; }
    public KpiReading? KpiReading { get; private set; }

    /// <summary>The name as uploaded, normalized (Chinese kept): what a download is called.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>What the content is, as its bytes showed (not what its name said).</summary>
    public EvidenceKind Kind { get; private set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex: what a download can be checked against.</summary>
    public string Sha256 { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}
