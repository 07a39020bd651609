using System.Net;
using Microsoft.EntityFrameworkCore;

namespace RuleOfLawPlan.Web.Tests.Audit;

public sealed class AuditBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("office", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("leader", HttpStatusCode.Forbidden)]
    [InlineData("section", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Only_office_and_admin_browse_the_audit_trail(string user, HttpStatusCode expected)
    {
        (await (await app.UserAsync(user)).GetAsync("/audit", Ct)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task The_browser_filters_by_user_type_and_date_and_pages_by_fifty()
    {
        var taskId = await app.TaskIdAsync(6, 1);
        var section = await app.UserAsync("section");
        (await section.PostFormAsync($"/tasks/{taskId}/progress", new Dictionary<string, string>
        {
            ["Form.Percent"] = "20", ["Form.AsOf"] = "2023-06-01", ["Form.Summary"] = "浏览器测试", ["Form.Version"] = (await app.TaskVersionAsync(taskId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        string sectionUserId;
        await using (var db = app.CreateDb())
            sectionUserId = await db.Users.Where(u => u.UserName == "section").Select(u => u.Id).SingleAsync(Ct);
        var office = await app.UserAsync("office");

        var all = await (await office.GetAsync("/audit", Ct)).HtmlAsync();
        all.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(50);
        all.QuerySelector("[data-testid=next-page]").ShouldNotBeNull();
        all.QuerySelector("[data-testid=audit-row] [data-testid=audit-user]")!.TextContent.ShouldContain("综合执法科科长");

        var byUser = await (await office.GetAsync($"/audit?User={sectionUserId}", Ct)).HtmlAsync();
        var rows = byUser.QuerySelectorAll("[data-testid=audit-row]");
        rows.Length.ShouldBe(2);
        rows.ShouldAllBe(r => r.QuerySelector("[data-testid=audit-user]")!.TextContent.Contains("综合执法科科长"));
        rows.ShouldContain(r => r.QuerySelector("details")!.TextContent.Contains("浏览器测试"));

        var byType = await (await office.GetAsync($"/audit?User={sectionUserId}&Type=ProgressUpdate", Ct)).HtmlAsync();
        byType.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(1);

        var today = Web.Pages.ChinaTime.Today(TimeProvider.System);
        var inRange = await (await office.GetAsync($"/audit?User={sectionUserId}&From={today:yyyy-MM-dd}&To={today:yyyy-MM-dd}", Ct)).HtmlAsync();
        inRange.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(2);
        var before = await (await office.GetAsync($"/audit?User={sectionUserId}&To={today.AddDays(-1):yyyy-MM-dd}", Ct)).HtmlAsync();
        before.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(0);

        var systemOnly = await (await office.GetAsync("/audit?User=system&Type=Section", Ct)).HtmlAsync();
        systemOnly.QuerySelectorAll("[data-testid=audit-user]").ShouldAllBe(u => u.TextContent == "system");
        systemOnly.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(7);
    }

    [Fact]
    public async Task A_reversed_date_range_gets_a_chinese_message_not_an_error()
    {
        var response = await (await app.UserAsync("office")).GetAsync("/audit?From=2023-06-02&To=2023-06-01&PageNumber=abc", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.TextAsync();
        text.ShouldContain("开始日期不能晚于结束日期");
    }
}
