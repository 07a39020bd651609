using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data.Evidence;

namespace RuleOfLawPlan.Web.Pages.Shared;

/// <summary>
/// 佐证材料 sent with a form (a progress update, a KPI reading), checked before anything is stored: not empty, within
/// the per-file and per-update limits, of an accepted kind by name and by content (<see cref="EvidenceFormats"/>).
/// The files are the form reader's: spooled to a temporary file above 64 KB, so nothing here holds one in memory.
/// Store the checked files with <see cref="TrySaveExtensions.TryAppendWithEvidenceAsync{TRoot}"/>.
/// </summary>
public sealed class EvidenceUpload
{
    /// <summary>The file input's name (<c>_EvidenceInput</c>): files are bound by it, and refusals of files are shown under it.</summary>
    public const string FilesField = "Form.Files";

    private EvidenceUpload(IReadOnlyList<Item> items) => Items = items;

    /// <summary>A checked file: its normalized name, the kind its content showed, its size and SHA-256 (lower-case hex).</summary>
    public sealed record Item(IFormFile Source, string FileName, EvidenceKind Kind, long Length, string Sha256);

    public IReadOnlyList<Item> Items { get; }

    /// <summary>
    /// Checks every file. Each refused file adds its Chinese message to <paramref name="field"/> of
    /// <paramref name="modelState"/>, and then the result is null: the form stores nothing.
    /// </summary>
    public static async Task<EvidenceUpload?> CheckAsync(IReadOnlyList<IFormFile> files, EvidenceOptions limits,
        ModelStateDictionary modelState, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(modelState);
        var refused = false;
        void Refuse(string message)
        {
            modelState.AddModelError(field, message);
            refused = true;
        }

        var total = files.Sum(f => f.Length);
        if (total > limits.MaxUpdateBytes)
            Refuse($"所选文件共{Labels.FileSize(total)}，超过了每次上传合计{limits.MaxUpdateMegabytes}MB的上限");

        var items = new List<Item>(files.Count);
        foreach (var file in files)
        {
            var name = NameOf(file);
            var refusal = name.Length == 0 ? "有文件没有文件名，请重新选择文件"
                : file.Length == 0 ? $"“{name}”是空文件，请选择有内容的文件"
                : file.Length > limits.MaxFileBytes ? $"“{name}”有{Labels.FileSize(file.Length)}，超过了单个文件{limits.MaxFileMegabytes}MB的上限"
                : null;
            if (refusal is null)
            {
                (var item, refusal) = await InspectAsync(file, name, ct);
                if (item is not null) items.Add(item);
            }
            if (refusal is not null) Refuse(refusal);
        }
        return refused ? null : new EvidenceUpload(items);
    }

    /// <summary>The name as the browser sent it, without any folder (old browsers sent the whole path), normalized.</summary>
    private static string NameOf(IFormFile file)
    {
        var name = file.FileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var normalized = TextNormalizer.Normalize(name);
        return normalized.Length > EvidenceFile.MaxFileNameLength ? "" : normalized;
    }

    /// <summary>The checked file, or why its content was refused.</summary>
    private static async Task<(Item? Item, string? Refusal)> InspectAsync(IFormFile file, string name, CancellationToken ct)
    {
        await using var content = file.OpenReadStream();
        EvidenceKind kind;
        try
        {
            kind = EvidenceFormats.Check(name, content);
        }
        catch (DomainException ex)
        {
            return (null, ex.Message);
        }
        content.Position = 0;
        var hash = await SHA256.HashDataAsync(content, ct);
        return (new Item(file, name, kind, file.Length, Convert.ToHexStringLower(hash)), null);
    }
}
