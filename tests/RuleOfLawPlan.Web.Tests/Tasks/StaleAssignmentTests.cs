using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Tests.Tasks;

/// <summary>Two office users open the same task's 任务分解 form; the first saves; the second's form is stale.</summary>
public sealed class StaleAssignmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Change { Supports, Leader, Both }

    [Theory]
    [InlineData(Change.Supports, Change.Supports)]
    [InlineData(Change.Supports, Change.Leader)]
    [InlineData(Change.Supports, Change.Both)]
    [InlineData(Change.Leader, Change.Supports)]
    [InlineData(Change.Leader, Change.Leader)]
    [InlineData(Change.Leader, Change.Both)]
    [InlineData(Change.Both, Change.Supports)]
    [InlineData(Change.Both, Change.Leader)]
    [InlineData(Change.Both, Change.Both)]
    public async Task The_second_stale_form_is_refused_with_the_conflict_message_whatever_either_changed(Change first, Change second)
    {
        var taskId = await TaskAsync(index: (int)first * 3 + (int)second);
        var opened = await app.TaskAsync(taskId);
        var firstForm = FormOf(opened, first, [await app.SectionIdAsync("市政设施管理科"), await app.SectionIdAsync("智慧城管指挥中心")], "第一位改的领导");
        var secondForm = FormOf(opened, second, [await app.SectionIdAsync("城管执法大队")], "第二位改的领导");
        var firstOffice = await app.UserAsync("office");
        var secondOffice = await app.SignInAsAsync("office");

        (await firstOffice.PostFormAsync($"/tasks/{taskId}/edit", firstForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.TaskAsync(taskId);
        var response = await secondOffice.PostFormAsync($"/tasks/{taskId}/edit", secondForm);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("该任务已被他人修改");
        page.QuerySelector("[data-testid=current-values]")!.TextContent.ShouldContain(saved.ResponsibleLeader!);
        var now = await app.TaskAsync(taskId);
        now.ResponsibleLeader.ShouldBe(saved.ResponsibleLeader);
        Supports(now).ShouldBe(Supports(saved));
        // The second user's input is kept, and the form now claims the stored version, so a resubmit is a decision, not an accident.
        page.QuerySelector("input[name='Form.ResponsibleLeader']")!.GetAttribute("value")
            .ShouldBe(second == Change.Supports ? opened.ResponsibleLeader : "第二位改的领导");
        page.QuerySelector("input[name='Form.Version']")!.GetAttribute("value").ShouldBe(now.Version.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Changing_only_the_supporting_sections_moves_the_tasks_version_without_an_empty_audit_row()
    {
        var taskId = await TaskAsync(index: 9);
        var opened = await app.TaskAsync(taskId);
        var office = await app.UserAsync("office");

        var response = await office.PostFormAsync($"/tasks/{taskId}/edit", FormOf(opened, Change.Supports, [await app.SectionIdAsync("城管执法大队")], ""));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.TaskVersionAsync(taskId)).ShouldNotBe(opened.Version);
        await using var db = app.CreateDb();
        var entries = await db.AuditEntries.Where(e => e.PlanTaskId == taskId && e.UserId != null).ToListAsync(Ct);
        entries.ShouldContain(e => e.EntityType == nameof(TaskSupport) && e.Action == AuditAction.Insert);
        entries.ShouldNotContain(e => e.EntityType == nameof(PlanTask));
    }

    /// <summary>The index-th task of the plan: each case has a task of its own.</summary>
    private async Task<int> TaskAsync(int index)
    {
        await using var db = app.CreateDb();
        return await db.Tasks.OrderBy(t => t.Id).Skip(index).Select(t => t.Id).FirstAsync(Ct);
    }

    private static int[] Supports(PlanTask task) => [.. task.Supports.Select(s => s.SectionId).Order()];

    /// <summary>The form as opened on <paramref name="opened"/>, with the user's change to it.</summary>
    public static List<KeyValuePair<string, string>> FormOf(PlanTask opened, Change change, int[] supports, string leader)
    {
        var supporting = change == Change.Leader ? Supports(opened) : supports;
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.LeadSectionId", opened.LeadSectionId?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Form.ResponsibleLeader", change == Change.Supports ? opened.ResponsibleLeader ?? "" : leader),
            new("Form.Ongoing", opened.Deadline is null ? "true" : "false"),
            new("Form.Deadline", opened.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
            new("Form.ExpectedOutcome", opened.ExpectedOutcome ?? ""),
            new("Form.Version", opened.Version.ToString(CultureInfo.InvariantCulture)),
        ];
        fields.AddRange(supporting.Select(s => new KeyValuePair<string, string>("Form.SupportingSectionIds", s.ToString(CultureInfo.InvariantCulture))));
        return fields;
    }
}

/// <summary>Two users add the same supporting section at the same moment: the database's key says no to the second.</summary>
public sealed class RacingAssignmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_of_two_identical_adds_is_a_conflict_not_a_500()
    {
        var taskId = await app.TaskIdAsync(9, 1);
        var added = await app.SectionIdAsync("市容环境卫生管理科");
        var opened = await app.TaskAsync(taskId);
        // The other user's identical save commits between this request's load and its save: the race, made certain.
        var race = new SaveFirst("task_supports", async () =>
        {
            await using var db = app.CreateDb();
            var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Supports).SingleAsync(t => t.Id == taskId, Ct);
            task.Assign(task.LeadSectionId, task.Supports.Select(s => s.SectionId).Append(added), task.ResponsibleLeader, task.Deadline, task.ExpectedOutcome);
            await db.SaveChangesAsync(Ct);
        });
        await using var racing = new PlanAppFactory(app.ConnectionString, services: s => s.ConfigureDbContext<PlanDb>(o => o.AddInterceptors(race)));
        var office = await racing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .SignInAsync("office", SampleData.DemoPassword);
        var form = StaleAssignmentTests.FormOf(opened, StaleAssignmentTests.Change.Supports,
            [.. opened.Supports.Select(s => s.SectionId), added], "");

        var response = await office.PostFormAsync($"/tasks/{taskId}/edit", form);

        race.Happened.ShouldBeTrue();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("该任务已被他人修改");
        page.QuerySelector("[data-testid=current-values]")!.TextContent.ShouldContain("市容环境卫生管理科");
        await using var check = app.CreateDb();
        (await check.Set<TaskSupport>().CountAsync(s => s.PlanTaskId == taskId && s.SectionId == added, Ct)).ShouldBe(1);
    }

    /// <summary>Runs <paramref name="other"/> once, just before this app first writes to <paramref name="table"/>.</summary>
    private sealed class SaveFirst(string table, Func<Task> other) : DbCommandInterceptor
    {
        private int _happened;

        public bool Happened => _happened == 1;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await RaceAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await RaceAsync(command);
            return result;
        }

        private async Task RaceAsync(DbCommand command)
        {
            if (command.CommandText.Contains($"INSERT INTO {table}", StringComparison.Ordinal) && Interlocked.Exchange(ref _happened, 1) == 0)
                await other();
        }
    }
}
