using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Web.Data.Evidence;

/// <summary>Limits on 佐证材料 (settings <c>Evidence:*</c>), checked when the app starts.</summary>
public sealed class EvidenceOptions : IValidatableObject
{
    public const string Section = "Evidence";

    /// <summary>What the text fields and multipart headers of an upload form may add to its files (a 4 000-character summary is 12 KB).</summary>
    public const long FormFieldsAllowance = 1024 * 1024;

    private const long Megabyte = 1024 * 1024;

    /// <summary>Largest single file, in MB (1 MB = 1 048 576 bytes).</summary>
    [Range(1, 1024)]
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>Largest total of the files sent with one update (or reading), in MB.</summary>
    [Range(1, 1024)]
    public int MaxUpdateMegabytes { get; set; } = 50;

    public long MaxFileBytes => MaxFileMegabytes * Megabyte;
    public long MaxUpdateBytes => MaxUpdateMegabytes * Megabyte;

    /// <summary>
    /// The request body an upload route accepts (Kestrel's limit elsewhere is 30 MB): the files of one update and the
    /// form's fields. A set a little over <see cref="MaxUpdateBytes"/> still reaches the form, which says which limit it
    /// broke; a body over this one is cut off with 413 提交的内容过大.
    /// </summary>
    public long MaxRequestBytes => MaxUpdateBytes + FormFieldsAllowance;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxUpdateMegabytes < MaxFileMegabytes)
            yield return new ValidationResult("Evidence:MaxUpdateMegabytes must be at least Evidence:MaxFileMegabytes.");
    }
}
