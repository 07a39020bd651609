using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RuleOfLawPlan.Domain;
using RuleOfLawPlan.Domain.Import;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Cli;

/// <summary><c>import-plan FILE [--dry-run]</c>: read a plan document; print it, or store it as a new draft.</summary>
public static class ImportPlanCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese and 《<>》 stay readable in the terminal; this output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static int DryRun(string file, TextWriter output, TextWriter error)
    {
        if (ReadPlan(file, error) is not { } parsed) return 1;
        output.WriteLine(JsonSerializer.Serialize(ToJsonShape(parsed), Json));
        return 0;
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string file, TextWriter output, TextWriter error)
    {
        if (ReadPlan(file, error) is not { } parsed) return 1;

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var bureau = await DatabaseSetup.EnsureBureauAsync(db, CancellationToken.None);
        var plan = parsed.ToDraftPlan(bureau.Id, fallbackYear: DateTime.Today.Year);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        output.WriteLine($"已导入草稿计划 #{plan.Id}《{plan.Title}》：{plan.Areas.Count} 项重点工作，{plan.Areas.Sum(a => a.Tasks.Count)} 项任务");
        WriteWarnings(parsed, output);
        return 0;
    }

    /// <summary>
    /// The plan in the file, or null after saying why there is none (for a dry run as for an import). A document
    /// that breaks a rule of the plan is refused here, before the import touches the database.
    /// </summary>
    private static ParsedPlan? ReadPlan(string file, TextWriter error)
    {
        if (!PlanFileReader.TryRead(file, out var bytes, out var problem))
        {
            error.WriteLine(problem);
            return null;
        }
        if (!PlanTextDecoder.TryDecode(bytes, out var text))
        {
            error.WriteLine($"{PlanDocumentParser.NotTextMessage} / not a plain-text file; save it from Word as plain text (.txt): {file}");
            return null;
        }
        var parsed = PlanDocumentParser.Parse(text);
        if (parsed.Areas.Count == 0)
        {
            error.WriteLine("未识别出任何重点工作，未导入 / no key-work areas found, nothing imported");
            WriteWarnings(parsed, error);
            return null;
        }
        try
        {
            parsed.ToDraftPlan(organizationId: 0, fallbackYear: DateTime.Today.Year);
        }
        catch (DomainException ex)
        {
            error.WriteLine($"{ex.Message}，未导入 / the document breaks a rule of the plan, nothing imported");
            return null;
        }
        return parsed;
    }

    private static void WriteWarnings(ParsedPlan parsed, TextWriter writer)
    {
        foreach (var warning in parsed.Warnings)
            writer.WriteLine(warning.Line is int line ? $"警告 第{line}行：{warning.Message}" : $"警告：{warning.Message}");
    }

    private static object ToJsonShape(ParsedPlan plan) => new
    {
        header = new { plan.Title, plan.Year, organ = plan.IssuingOrgan, date = plan.IssueDate, plan.Preamble, plan.GuidingIdeology, plan.Leadership },
        areas = plan.Areas.Select(a => new
        {
            ordinal = a.OrdinalText,
            a.Title,
            a.Body,
            tasks = a.Tasks.Select(t => new { t.Number, t.Title, t.Body, t.Kpis, t.Deliverables }),
        }),
        kpis = plan.Areas.SelectMany(a => a.Tasks.SelectMany(t => t.Kpis.Select(k => new
        {
            area = a.OrdinalText,
            task = t.Number,
            k.Name,
            k.Comparator,
            k.Target,
            k.Unit,
            k.Kind,
            k.SourceSentence,
        }))),
        deliverables = plan.Areas.SelectMany(a => a.Tasks.SelectMany(t => t.Deliverables.Select(d => new { area = a.OrdinalText, task = t.Number, d.Name, d.Action }))),
        requirements = plan.Requirements,
        organ = plan.IssuingOrgan,
        date = plan.IssueDate,
        warnings = plan.Warnings,
    };
}
