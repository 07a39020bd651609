using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Notifications;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Notifications;

/// <summary>What the reminder tests arrange: tasks with deadlines in plans of their own, accounts, the job on a given clock.</summary>
internal static class ReminderArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string Enforcement = "综合执法科";
    public const string Sanitation = "市容环境卫生管理科";
    public const string PolicyOffice = "政策法规办";

    /// <summary>A Shanghai morning, 08:00, on the given day: past the job's default hour.</summary>
    public static DateTimeOffset Morning(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));

    /// <summary>The job as the app builds it, on a clock that says <paramref name="now"/>.</summary>
    public static ReminderJob Job(this AppFixture app, DateTimeOffset now) =>
        new(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(now), Options.Create(new ReminderOptions()),
            SupervisionSettings.Default, NullLogger<ReminderJob>.Instance);

    /// <summary>A 责任领导 no leader's account holds, so a test's overdue task reaches only the leaders it names.</summary>
    public const string NoLeaderHolds = "测试责任领导";

    /// <summary>A task of a plan of its own (active, year 2022), assigned as given, with what the lambda adds.</summary>
    public static async Task<int> TaskAsync(this AppFixture app, string lead, string[] supporting, DateOnly? deadline,
        string? leader = null, Action<PlanTask, Dictionary<string, int>>? then = null)
    {
        await using var db = app.CreateDb();
        var sections = await db.Sections.ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var plan = new WorkPlan(organizationId, 2022, "提醒测试" + Guid.NewGuid().ToString("N")[..8], null, null);
        var task = plan.AddArea("测试重点工作", "").AddTask(1, "提醒测试任务", "");
        task.Assign(sections[lead], supporting.Select(s => sections[s]), leader ?? NoLeaderHolds, deadline, null);
        plan.Activate();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);
        if (then is not null)
        {
            then(task, sections);
            await db.SaveChangesAsync(Ct);
        }
        return task.Id;
    }

    /// <summary>An account of the test's own; its display name is unique unless given.</summary>
    public static async Task<string> UserAsync(this AppFixture app, string role, string? section = null, string? displayName = null,
        string? leaderTitles = null) =>
        (await app.AccountAsync(role, section, displayName, leaderTitles)).Id;

    public const string Password = "Remind2024x";

    /// <summary>An account of the test's own (password <see cref="Password"/>): its id and user name.</summary>
    public static async Task<(string Id, string UserName)> AccountAsync(this AppFixture app, string role, string? section = null, string? displayName = null,
        string? leaderTitles = null)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var userName = "r" + Guid.NewGuid().ToString("N")[..10];
        int? sectionId = section is null ? null : await app.SectionIdAsync(section);
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(userName, displayName ?? "测试" + userName, role, sectionId, Password, leaderTitles), Ct);
        result.Succeeded.ShouldBeTrue(result.ToString());
        return ((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id, userName);
    }

    public static async Task<string> UserIdAsync(this AppFixture app, string userName)
    {
        await using var db = app.CreateDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
    }

    /// <summary>(task, kind, recipient) of every notification on the given tasks.</summary>
    public static async Task<List<(int Task, NotificationKind Kind, string User)>> NotificationsAsync(this AppFixture app, params int[] tasks)
    {
        await using var db = app.CreateDb();
        var rows = await db.Notifications.Where(n => tasks.Contains(n.PlanTaskId))
            .Select(n => new { n.PlanTaskId, n.Kind, n.RecipientId }).ToListAsync(Ct);
        return rows.Select(r => (r.PlanTaskId, r.Kind, r.RecipientId)).OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
    }

    public static List<(int Task, NotificationKind Kind, string User)> Sorted(params (int Task, NotificationKind Kind, string User)[] rows) =>
        rows.OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();

    /// <summary>Notifications written straight to the database, one per text, a minute apart (the last is the newest).</summary>
    public static async Task<long[]> InboxAsync(this AppFixture app, string userId, int taskId, params string[] texts)
    {
        await using var db = app.CreateDb();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var rows = texts.Select((text, i) => new Notification(userId, NotificationKind.Urged, taskId, text, null, "test:" + Guid.NewGuid(), start.AddMinutes(i))).ToList();
        db.Notifications.AddRange(rows);
        await db.SaveChangesAsync(Ct);
        return rows.Select(r => r.Id).ToArray();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}

/// <summary>Cancels a run after it has written some kinds of notification: a restart in the middle of the job.</summary>
internal sealed class CancelAfterInserts(int inserts, CancellationTokenSource cancel) : DbCommandInterceptor
{
    private int _seen;

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("INSERT INTO notifications", StringComparison.Ordinal) && Interlocked.Increment(ref _seen) == inserts)
            cancel.Cancel();
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }
}
