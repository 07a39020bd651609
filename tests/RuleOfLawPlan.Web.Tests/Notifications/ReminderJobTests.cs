using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;
using static RuleOfLawPlan.Web.Notifications.NotificationKind;
using static RuleOfLawPlan.Web.Tests.Notifications.ReminderArrange;

namespace RuleOfLawPlan.Web.Tests.Notifications;

/// <summary>
/// The daily reminder job on PostgreSQL, driven by a clock the test sets: who hears of what, and that repeating a
/// run, running it twice at once, or cutting it short and running it again writes every notification exactly once.
/// Each test has days of its own (reminder_runs is per day) and looks only at its own tasks.
/// </summary>
public sealed class ReminderJobTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// On <paramref name="day"/> (outside the cut-off window): A's deadline is near, B is overdue with a named leader, C has a
    /// returned update of its supporting section and an open 批示. 政策法规办 supports A, but its only account is the office's.
    /// </summary>
    private async Task<(int A, int B, int C, string Leader)> ArrangeAsync(DateOnly day)
    {
        var leaderName = "副局长" + Guid.NewGuid().ToString("N")[..6];
        var leader = await app.UserAsync(Roles.Leader, displayName: leaderName);
        var a = await app.TaskAsync(Enforcement, [Sanitation, PolicyOffice], day.AddDays(3));
        var b = await app.TaskAsync(Enforcement, [], day.AddDays(-1), leader: $"{leaderName}、总工程师");
        var c = await app.TaskAsync(Enforcement, [Sanitation], deadline: null, then: (task, sections) =>
        {
            task.RecordProgress(sections[Sanitation], day.AddDays(-2), 30, "配合开展宣传", "市容科科长", Morning(day).AddDays(-2));
            task.AddInstruction("请加快进度", "局长", Morning(day).AddDays(-1));
        });
        await using (var db = app.CreateDb())
        {
            var task = await db.Tasks.Include(t => t.Plan).Include(t => t.Updates).SingleAsync(t => t.Id == c, Ct);
            task.ReturnUpdate(task.Updates.Single().Id, "请补充宣传场次", "政策法规办干部", Morning(day).AddDays(-1));
            await db.SaveChangesAsync(Ct);
        }
        return (a, b, c, leader);
    }

    [Fact]
    public async Task Each_kind_reaches_the_heads_of_the_involved_sections_and_the_named_leader_and_nobody_else()
    {
        var day = new DateOnly(2022, 3, 8);
        var (a, b, c, leader) = await ArrangeAsync(day);
        var section = await app.UserIdAsync("section");
        var section2 = await app.UserIdAsync("section2");
        var otherHead = await app.UserAsync(Roles.SectionHead, "城管执法大队");

        await app.Job(Morning(day)).RunDueAsync(Ct);

        (await app.NotificationsAsync(a, b, c)).ShouldBe(Sorted(
            (a, DeadlineApproaching, section), (a, DeadlineApproaching, section2),
            (b, Overdue, section), (b, Overdue, leader),
            (c, UpdateReturned, section2),
            (c, NewInstruction, section), (c, NewInstruction, section2)));
        await using var db = app.CreateDb();
        (await db.Notifications.CountAsync(n => n.RecipientId == otherHead, Ct)).ShouldBe(0);
        var returned = await db.Notifications.SingleAsync(n => n.PlanTaskId == c && n.Kind == UpdateReturned, Ct);
        returned.Text.ShouldBe("请补充宣传场次");
        (await db.Notifications.SingleAsync(n => n.PlanTaskId == b && n.RecipientId == leader, Ct)).Due.ShouldBe(day.AddDays(-1));
    }

    [Fact]
    public async Task An_overdue_notice_reaches_exactly_the_leaders_holding_a_named_title_or_named_by_name()
    {
        var day = new DateOnly(2022, 4, 12);
        var title = "分管副局长" + Guid.NewGuid().ToString("N")[..6];
        var name = "副局长" + Guid.NewGuid().ToString("N")[..6];
        var holder = await app.UserAsync(Roles.Leader, leaderTitles: $"局长助理、{title}");
        var named = await app.UserAsync(Roles.Leader, displayName: name);
        var otherTitle = await app.UserAsync(Roles.Leader, leaderTitles: title + "甲");
        var viewer = await app.UserAsync(Roles.Viewer, leaderTitles: title);
        var disabled = await app.UserAsync(Roles.Leader, leaderTitles: title);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<AccountService>().DisableAsync(disabled, actorId: null, Ct)).Succeeded.ShouldBeTrue();
        var overdue = await app.TaskAsync(Enforcement, [], day.AddDays(-1), leader: $"{title}，{name}");
        var demo = await app.TaskAsync(Enforcement, [], day.AddDays(-2), leader: "分管副局长");
        var notYet = await app.TaskAsync(Enforcement, [], day, leader: title);
        var section = await app.UserIdAsync("section");
        var demoLeader = await app.UserIdAsync("leader");

        await app.Job(Morning(day)).RunDueAsync(Ct);

        (await app.NotificationsAsync(overdue, demo, notYet)).Where(n => n.Kind == Overdue).ShouldBe(Sorted(
            (overdue, Overdue, section), (overdue, Overdue, holder), (overdue, Overdue, named),
            (demo, Overdue, section), (demo, Overdue, demoLeader)));
        await using var db = app.CreateDb();
        (await db.Notifications.CountAsync(n => n.RecipientId == otherTitle || n.RecipientId == viewer || n.RecipientId == disabled, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Near_the_cut_off_only_sections_that_have_not_reported_in_the_period_are_reminded()
    {
        // Period 2022年6月 runs 5月26日–6月25日; three days before the cut-off the reminders start.
        var day = new DateOnly(2022, 6, 22);
        var reported = await app.TaskAsync(Enforcement, [Sanitation], deadline: null, then: (task, sections) =>
            task.RecordProgress(sections[Enforcement], new DateOnly(2022, 6, 1), 20, "已部署", "综合执法科科长", Morning(day)));
        var section = await app.UserIdAsync("section");
        var section2 = await app.UserIdAsync("section2");

        (await app.Job(Morning(day.AddDays(-1))).RunAsync(app.CreateDb(), day.AddDays(-1), Ct)).ShouldBeGreaterThanOrEqualTo(0);
        (await app.NotificationsAsync(reported)).ShouldBeEmpty("four days before the cut-off is too early");

        await app.Job(Morning(day)).RunAsync(app.CreateDb(), day, Ct);

        (await app.NotificationsAsync(reported)).ShouldBe(Sorted((reported, CutOffApproaching, section2)));
        await using var db = app.CreateDb();
        (await db.Notifications.SingleAsync(n => n.PlanTaskId == reported, Ct)).Due.ShouldBe(new DateOnly(2022, 6, 25));
        section.ShouldNotBe(section2);
    }

    [Fact]
    public async Task Running_twice_on_one_day_writes_each_notification_once_and_the_day_is_done_after_the_hour()
    {
        var day = new DateOnly(2022, 3, 9);
        var (a, b, c, _) = await ArrangeAsync(day);

        (await app.Job(Morning(day).AddHours(-1).AddMinutes(-1)).RunDueAsync(Ct)).ShouldBeFalse("06:59 is before the hour");
        (await app.NotificationsAsync(a, b, c)).ShouldBeEmpty();
        (await app.Job(Morning(day)).RunDueAsync(Ct)).ShouldBeTrue();
        var first = await app.NotificationsAsync(a, b, c);
        first.Count.ShouldBe(7);

        (await app.Job(Morning(day).AddHours(5)).RunDueAsync(Ct)).ShouldBeFalse("the day is recorded as done");
        (await app.Job(Morning(day).AddHours(5)).RunAsync(app.CreateDb(), day, Ct)).ShouldBe(0, "a forced second run writes nothing new");
        (await app.NotificationsAsync(a, b, c)).ShouldBe(first);
    }

    [Fact]
    public async Task Two_instances_running_at_once_write_no_duplicates()
    {
        var day = new DateOnly(2022, 3, 10);
        var (a, b, c, _) = await ArrangeAsync(day);
        await using var one = app.CreateDb();
        await using var two = app.CreateDb();

        var written = await Task.WhenAll(
            Task.Run(() => app.Job(Morning(day)).RunAsync(one, day, Ct), Ct),
            Task.Run(() => app.Job(Morning(day)).RunAsync(two, day, Ct), Ct));

        var rows = await app.NotificationsAsync(a, b, c);
        rows.Count.ShouldBe(7);
        rows.Distinct().Count().ShouldBe(7);
        written.Sum().ShouldBeGreaterThanOrEqualTo(7);
        await using var db = app.CreateDb();
        (await db.ReminderRuns.CountAsync(r => r.Day == day, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_run_cut_short_is_run_again_at_the_next_check_and_writes_the_rest_once()
    {
        var day = new DateOnly(2022, 3, 11);
        var (a, b, c, _) = await ArrangeAsync(day);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Deadline and overdue reminders are written, then the "restart" comes.
        await using (var interrupted = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), app.ConnectionString)
            .AddInterceptors(new CancelAfterInserts(2, cancel)).Options))
        {
            await Should.ThrowAsync<OperationCanceledException>(() => app.Job(Morning(day)).RunAsync(interrupted, day, cancel.Token));
        }
        var partial = await app.NotificationsAsync(a, b, c);
        partial.Select(r => r.Kind).Distinct().Order().ShouldBe([DeadlineApproaching, Overdue]);

        (await app.Job(Morning(day).AddMinutes(10)).RunDueAsync(Ct)).ShouldBeTrue("the day was not recorded as done");

        var rows = await app.NotificationsAsync(a, b, c);
        rows.Count.ShouldBe(7);
        rows.Distinct().Count().ShouldBe(7);
        partial.ShouldBeSubsetOf(rows);
        (await app.Job(Morning(day).AddMinutes(20)).RunDueAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_run_costs_the_same_few_round_trips_however_many_tasks_there_are()
    {
        // In the cut-off window, so every kind runs: five inserts and the day's record.
        var day = new DateOnly(2022, 7, 23);
        await ArrangeAsync(day);
        await ArrangeAsync(day);
        var counter = new SqlCommandCounter();
        await using var db = new PlanDb(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), app.ConnectionString)
            .AddInterceptors(counter).Options);

        var written = await app.Job(Morning(day)).RunAsync(db, day, Ct);

        written.ShouldBeGreaterThan(14);
        counter.Count.ShouldBe(6);
    }
}
