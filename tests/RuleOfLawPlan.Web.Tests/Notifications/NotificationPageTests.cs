using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Security;
using static RuleOfLawPlan.Web.Tests.Notifications.ReminderArrange;

namespace RuleOfLawPlan.Web.Tests.Notifications;

/// <summary>/notifications: a user's own notifications, newest first, linked to their tasks; read one, read all; nobody else's.</summary>
public sealed class NotificationPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_inbox_lists_the_users_own_notifications_newest_first_and_marks_one_or_all_read()
    {
        var (me, userName) = await app.AccountAsync(Roles.SectionHead, Enforcement);
        var other = await app.UserAsync(Roles.SectionHead, Enforcement);
        var taskId = await app.NewTaskAsync();
        var ids = await app.InboxAsync(me, taskId, "第一条", "第二条", "第三条");
        await app.InboxAsync(other, taskId, "别人的提醒");
        var client = await app.SignInAsAsync(userName, Password);

        var page = await (await client.GetAsync("/notifications", Ct)).HtmlAsync();

        page.QuerySelectorAll("[data-testid=notification-text]").Select(e => e.TextContent).ShouldBe(["第三条", "第二条", "第一条"]);
        page.QuerySelector("[data-testid=unread-total]")!.TextContent.ShouldBe("3");
        page.QuerySelectorAll("[data-testid=notification-task]").Select(a => a.GetAttribute("href")).Distinct().ShouldBe([$"/tasks/{taskId}"]);

        (await client.PostFormAsync("/notifications?handler=Read", [new("id", Id(ids[1]))])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await (await client.GetAsync("/notifications", Ct)).HtmlAsync();
        page.QuerySelector("[data-testid=unread-total]")!.TextContent.ShouldBe("2");
        page.QuerySelectorAll(".notification-read [data-testid=notification-text]").Select(e => e.TextContent).ShouldBe(["第二条"]);

        (await client.PostFormAsync("/notifications?handler=ReadAll", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDb();
        (await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, Ct)).ShouldBe(0);
        (await db.Notifications.CountAsync(n => n.RecipientId == other && n.ReadAt == null, Ct)).ShouldBe(1, "read all is the user's own all");
    }

    [Fact]
    public async Task The_bell_in_the_header_counts_the_users_unread_notifications()
    {
        var (me, userName) = await app.AccountAsync(Roles.SectionHead, Enforcement);
        var taskId = await app.NewTaskAsync();
        var client = await app.SignInAsAsync(userName, Password);

        var page = await (await client.GetAsync("/account/password", Ct)).HtmlAsync();
        page.QuerySelector("[data-testid=notification-bell]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=unread-count]").ShouldBeNull("no unread notifications, no badge");

        var ids = await app.InboxAsync(me, taskId, "一", "二", "三");
        page = await (await client.GetAsync($"/tasks/{taskId}", Ct)).HtmlAsync();
        page.QuerySelector("[data-testid=unread-count]")!.TextContent.ShouldBe("3");
        page.QuerySelector("[data-testid=notification-bell]")!.GetAttribute("href").ShouldBe("/notifications");

        await client.PostFormAsync("/notifications?handler=Read", [new("id", Id(ids[0]))]);
        (await (await client.GetAsync("/account/password", Ct)).HtmlAsync()).QuerySelector("[data-testid=unread-count]")!.TextContent.ShouldBe("2");
    }

    [Fact]
    public async Task Nobody_marks_someone_elses_notification_read()
    {
        var owner = await app.UserAsync(Roles.SectionHead, Enforcement);
        var taskId = await app.NewTaskAsync();
        var id = (await app.InboxAsync(owner, taskId, "只给本人"))[0];
        var intruder = await app.UserAsync("section2");

        var response = await intruder.PostFormAsync("/notifications?handler=Read", [new("id", Id(id))]);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.CreateDb();
        (await db.Notifications.SingleAsync(n => n.Id == id, Ct)).ReadAt.ShouldBeNull();
        var page = await (await intruder.GetAsync("/notifications", Ct)).HtmlAsync();
        page.QuerySelectorAll("[data-testid=notification-text]").Select(e => e.TextContent).ShouldNotContain("只给本人");
    }
}
