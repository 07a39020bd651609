using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using RuleOfLawPlan.Domain.Import;

namespace RuleOfLawPlan.Web.Cli;

/// <summary>
/// Reads the plan document an administrator names on the command line: a regular file of at most
/// <see cref="PlanDocumentParser.MaxDocumentBytes"/>, and never more bytes than that. Anything else gets
/// one bilingual line saying what is wrong, never a stack trace, a hang or an out-of-memory.
/// </summary>
public static class PlanFileReader
{
    private static readonly string Limit = $"{PlanDocumentParser.MaxDocumentBytes / 1024 / 1024} MB";

    public static bool TryRead(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        bytes = null;
        try
        {
            problem = Refusal(path);
            if (problem is not null) return false;
            bytes = ReadBounded(path);
            problem = bytes is null ? TooLarge(path) : null;
            return bytes is not null;
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"没有读取该文件的权限 / permission denied, cannot read: {path}";
            return false;
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            problem = $"无法读取文件 / cannot read the file: {path} ({e.Message})";
            return false;
        }
    }

    /// <summary>Why the path cannot be a plan document, found without opening it; null when it can be read.</summary>
    private static string? Refusal(string path)
    {
        if (Directory.Exists(path)) return $"这是一个文件夹，不是文件 / this is a folder, not a file: {path}";
        var file = new FileInfo(path);
        if (file.LinkTarget is { } linkTarget)
        {
            if (file.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true } target)
                return $"符号链接指向的文件不存在 / the symbolic link points to a missing file: {path} -> {linkTarget}";
            file = target;
        }
        if (!file.Exists) return $"找不到文件 / file not found: {path}";
        // .NET does not say whether a path is a device, a pipe or a socket, but Linux gives all of them size 0:
        // refusing size 0 before opening is what keeps a FIFO from blocking and /dev/zero from filling memory.
        if (file.Length == 0)
            return $"文件为空，或不是普通文件（设备、管道等） / the file is empty, or not a regular file (a device, a pipe…): {path}";
        return file.Length > PlanDocumentParser.MaxDocumentBytes ? TooLarge(path, file.Length) : null;
    }

    /// <summary>The file's bytes, or null when it holds more than the limit (it may have grown since it was checked).</summary>
    private static byte[]? ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var buffer = new byte[PlanDocumentParser.MaxDocumentBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        return length > PlanDocumentParser.MaxDocumentBytes ? null : buffer[..length];
    }

    private static string TooLarge(string path, long? length = null)
    {
        var size = length is long bytes ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB, ") : "";
        return $"文件过大（{size}计划文件不超过 {Limit}） / the file is too large ({size}a plan document is at most {Limit}): {path}";
    }
}
