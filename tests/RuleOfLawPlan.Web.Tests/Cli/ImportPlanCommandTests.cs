using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Cli;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.LocalPostgres;

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
    public void A_symbolic_link_to_a_missing_file_is_named_as_such()
    {
        using var folder = new TempFolder();
        var link = folder.Combine("plan.txt");
        File.CreateSymbolicLink(link, folder.Combine("moved-away.txt"));

        var (code, output, error) = DryRun(link);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("符号链接指向的文件不存在");
        error.ShouldContain("moved-away.txt");
    }

    [Fact]
    public void A_folder_is_said_to_be_a_folder()
    {
        using var folder = new TempFolder();

        var (code, output, error) = DryRun(folder.Path);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("这是一个文件夹，不是文件");
    }

    [Fact]
    public void A_file_larger_than_any_plan_is_refused_without_being_read()
    {
        using var folder = new TempFolder();
        var huge = folder.Combine("plan.txt");
        // Sparse: 5 GB on paper, no disk used.
        using (var stream = File.Create(huge)) stream.SetLength(5L * 1024 * 1024 * 1024);

        var (code, output, error) = DryRun(huge);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("文件过大（5120 MB");
        error.ShouldContain("计划文件不超过 1 MB");
    }

    [Fact]
    public void A_device_that_never_ends_is_refused_without_being_read()
    {
        var (code, output, error) = DryRun("/dev/zero");

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("不是普通文件");
    }

    // Opening a FIFO for reading waits for a writer: the timeout turns that hang into a failure.
    [Fact(Timeout = 120_000)]
    public async Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        using var folder = new TempFolder();
        var fifo = folder.Combine("plan.txt");
        var ct = TestContext.Current.CancellationToken;
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync(ct);

        var (code, output, error) = await Task.Run(() => DryRun(fifo), ct);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("不是普通文件");
    }

    [Fact]
    public async Task A_binary_file_is_refused_as_not_text()
    {
        using var folder = new TempFolder();
        var image = folder.Combine("plan.txt");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(image, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. bytes], Ct);

        var (code, output, error) = DryRun(image);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("文件不是纯文本");
    }

    [Fact]
    public async Task A_dry_run_of_text_that_is_no_plan_fails_as_the_import_would()
    {
        using var folder = new TempFolder();
        var file = folder.Combine("notes.txt");
        await File.WriteAllTextAsync(file, "这不是一份工作计划。", Ct);

        var (code, output, error) = DryRun(file);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("未识别出任何重点工作");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_file_the_administrator_may_not_read_gets_one_line_and_a_failing_exit_code()
    {
        using var folder = new TempFolder();
        var file = folder.Combine("plan.txt");
        File.Copy(DatabaseSetup.ShippedPlanPath, file);
        File.SetUnixFileMode(file, UnixFileMode.None);

        // Root reads any file whatever its mode: as root, the command runs as the server account instead.
        var run = await AppProcess.RunAsync(["import-plan", file, "--dry-run"], new Dictionary<string, string>(), folder.Path,
            runAsUser: NativeMethods.IsRoot ? new LocalPostgresOptions().OsUser : null);

        run.ExitCode.ShouldBe(1);
        run.StandardOutput.ShouldBeEmpty();
        run.StandardError.Trim().ShouldBe($"没有读取该文件的权限 / permission denied, cannot read: {file}");
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

    [Fact]
    public async Task A_document_breaking_a_rule_of_the_plan_is_named_and_nothing_is_imported()
    {
        using var folder = new TempFolder();
        var file = await WriteTooLongTaskTitleAsync(folder);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await ImportPlanCommand.ImportAsync(app.Factory.Services, file, output, error);

        code.ShouldBe(1);
        output.ToString().ShouldBeEmpty();
        error.ToString().ShouldContain("重点工作“加强党的领导”第2项任务：任务标题不能超过500个字，未导入");
        await using var db = app.CreateDb();
        (await db.Plans.CountAsync(p => p.Title == BrokenPlanTitle, Ct)).ShouldBe(0);
        (await db.Tasks.CountAsync(t => t.Title == "组织专题学习" || t.Title.StartsWith("依法依法"), Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_dry_run_of_a_document_breaking_a_rule_fails_as_the_import_would()
    {
        using var folder = new TempFolder();

        var (code, output, error) = DryRun(await WriteTooLongTaskTitleAsync(folder));

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("任务标题不能超过500个字，未导入");
    }

    [Fact]
    public async Task The_program_reports_a_broken_rule_in_one_line_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        var file = await WriteTooLongTaskTitleAsync(folder);

        var run = await AppProcess.RunAsync(["import-plan", file], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Plan"] = app.ConnectionString,
        }, folder.Path);

        run.ExitCode.ShouldBe(1, run.Output);
        run.StandardError.ShouldContain("重点工作“加强党的领导”第2项任务：任务标题不能超过500个字，未导入");
        run.Output.ShouldNotContain("Exception");
        run.Output.ShouldNotContain("   at ");
        await using var db = app.CreateDb();
        (await db.Plans.CountAsync(p => p.Title == BrokenPlanTitle, Ct)).ShouldBe(0);
    }

    private const string BrokenPlanTitle = "某某县司法局2031年法治政府建设工作要点";

    /// <summary>A plan whose second task has a 501-character title: one more than a task's title may have.</summary>
    private static async Task<string> WriteTooLongTaskTitleAsync(TempFolder folder)
    {
        var file = folder.Combine("plan.txt");
        var title = string.Concat(Enumerable.Repeat("依法", 250)) + "治";
        await File.WriteAllTextAsync(file, $"""
            {BrokenPlanTitle}
            为推进法治政府建设，制定本要点。
            一、加强党的领导
            1、组织专题学习。各股室要高度重视。
            2、{title}。
            某某县司法局
            2031年3月1日
            """, Ct);
        return file;
    }

    private static (int Code, string Output, string Error) DryRun(string file)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ImportPlanCommand.DryRun(file, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<int> CountPlansAsync()
    {
        await using var db = app.CreateDb();
        return await db.Plans.CountAsync(Ct);
    }
}
