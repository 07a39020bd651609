using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Cli;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Cli;

public sealed class ImportPlanCommandTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_command_line_knows_import_plan_with_and_without_dry_run()
    {
        var dry = CommandLine.Parse(["import-plan", "plan.txt", "--dry-run"]);
        (dry.Verb, dry.File, dry.DryRun, dry.Error).ShouldBe((CommandVerb.ImportPlan, "plan.txt", true, null));
        CommandLine.Parse(["import-plan", "plan.txt"]).DryRun.ShouldBeFalse();
        CommandLine.Parse(["import-plan", "--dry-run"]).Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_dry_run_prints_the_parsed_plan_as_json_and_touches_no_database()
    {
        var plansBefore = await CountPlansAsync();
        var output = new StringWriter();

        var code = ImportPlanCommand.DryRun(DatabaseSetup.ShippedPlanPath, output, new StringWriter());

        code.ShouldBe(0);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        root.GetProperty("header").GetProperty("organ").GetString().ShouldBe("日喀则市城市管理和综合执法局");
        root.GetProperty("date").GetString().ShouldBe("2023-04-25");
        var areas = root.GetProperty("areas").EnumerateArray().ToList();
        areas.Count.ShouldBe(9);
        areas.Sum(a => a.GetProperty("tasks").GetArrayLength()).ShouldBe(26);
        areas[3].GetProperty("ordinal").GetString().ShouldBe("(四)");
        areas[3].GetProperty("tasks")[0].GetProperty("title").GetString().ShouldBe("加强城市管理领域立法工作");
        root.GetProperty("kpis").EnumerateArray().Select(k => (k.GetProperty("area").GetString(), k.GetProperty("name").GetString(), k.GetProperty("comparator").GetString()))
            .ShouldContain(("(八)", "办复率", "Equal"));
        root.GetProperty("deliverables").GetArrayLength().ShouldBe(3);
        root.GetProperty("requirements").GetArrayLength().ShouldBe(3);
        root.GetProperty("warnings").GetArrayLength().ShouldBe(1);
        (await CountPlansAsync()).ShouldBe(plansBefore);
    }

    [Fact]
    public void A_missing_file_is_said_plainly()
    {
        var error = new StringWriter();

        ImportPlanCommand.DryRun("/nonexistent/plan.txt", new StringWriter(), error).ShouldBe(1);

        error.ToString().ShouldContain("找不到文件");
    }

    [Fact]
    public async Task Importing_stores_the_document_as_a_new_draft_plan()
    {
        var plansBefore = await CountPlansAsync();
        var output = new StringWriter();

        var code = await ImportPlanCommand.ImportAsync(app.Factory.Services, DatabaseSetup.ShippedPlanPath, output, new StringWriter());

        code.ShouldBe(0);
        output.ToString().ShouldContain("9 项重点工作，26 项任务");
        await using var db = app.CreateDb();
        var newest = await db.Plans.OrderByDescending(p => p.Id)
            .Select(p => new { p.Status, Tasks = db.Tasks.Count(t => t.WorkPlanId == p.Id), Kpis = db.Kpis.Count(k => db.Tasks.Any(t => t.Id == k.PlanTaskId && t.WorkPlanId == p.Id)) })
            .FirstAsync(Ct);
        (await CountPlansAsync()).ShouldBe(plansBefore + 1);
        newest.Status.ShouldBe(PlanStatus.Draft);
        newest.Tasks.ShouldBe(26);
        newest.Kpis.ShouldBe(8);
    }

    [Fact]
    public async Task A_document_without_key_work_areas_is_not_imported()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "这不是一份工作计划。", Ct);
        var plansBefore = await CountPlansAsync();
        var error = new StringWriter();

        var code = await ImportPlanCommand.ImportAsync(app.Factory.Services, file, new StringWriter(), error);

        code.ShouldBe(1);
        error.ToString().ShouldContain("未识别出任何重点工作");
        (await CountPlansAsync()).ShouldBe(plansBefore);
        File.Delete(file);
    }

    private async Task<int> CountPlansAsync()
    {
        await using var db = app.CreateDb();
        return await db.Plans.CountAsync(Ct);
    }
}
