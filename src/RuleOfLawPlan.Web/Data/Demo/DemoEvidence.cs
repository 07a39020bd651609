using System.Globalization;
using System.Security.Cryptography;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>佐证材料 of the demo year: a meeting's minutes (PDF) with every third report, a photo (PNG) with every fifth.</summary>
internal static class DemoEvidence
{
    public static IEnumerable<(EvidenceFile File, byte[] Content)> For(PlanTask task, ProgressUpdate update, int month, int index)
    {
        if ((index + month) % 3 == 0)
        {
            var minutes = SampleFiles.Pdf(string.Create(CultureInfo.InvariantCulture, $"Sample minutes, task {index + 1}, {DemoYear.Year}-{month:D2}"));
            yield return (Attach(task, update, $"{month}月工作推进会会议纪要{DemoYear.Marker}.pdf", EvidenceKind.Pdf, minutes), minutes);
        }
        if ((index + month) % 5 == 0)
        {
            var photo = SampleFiles.Png(64, 48);
            yield return (Attach(task, update, $"{month}月现场检查照片{DemoYear.Marker}.png", EvidenceKind.Png, photo), photo);
        }
    }

    private static EvidenceFile Attach(PlanTask task, ProgressUpdate update, string name, EvidenceKind kind, byte[] content) =>
        task.AttachEvidence(update, name, kind, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)),
            update.RecordedBy, update.RecordedAt);
}
