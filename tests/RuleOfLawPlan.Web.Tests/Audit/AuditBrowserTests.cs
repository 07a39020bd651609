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
    public async Task The_browser_filters_by_user_type_and_date_one_row_per_save()
    {
        var taskId = await app.NewTaskAsync();
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
        all.QuerySelector("[data-testid=audit-row] [data-testid=audit-user]")!.TextContent.ShouldBe("综合执法科科长（section）");

        // The report is one row (the 工作台账 entry; the task's figure moves when the office accepts it): one item.
        var byUser = await (await office.GetAsync($"/audit?User={sectionUserId}", Ct)).HtmlAsync();
        var row = byUser.QuerySelectorAll("[data-testid=audit-row]").ShouldHaveSingleItem();
        row.QuerySelectorAll("[data-testid=audit-entry]").Length.ShouldBe(1);
        row.QuerySelector("details")!.TextContent.ShouldContain("浏览器测试");

        var byType = await (await office.GetAsync($"/audit?User={sectionUserId}&Type=ProgressUpdate", Ct)).HtmlAsync();
        byType.QuerySelectorAll("[data-testid=audit-row]").ShouldHaveSingleItem().QuerySelectorAll("[data-testid=audit-entry]").Length.ShouldBe(1);

        var today = Web.Pages.Shared.ChinaTime.Today(TimeProvider.System);
        var inRange = await (await office.GetAsync($"/audit?User={sectionUserId}&From={today:yyyy-MM-dd}&To={today:yyyy-MM-dd}", Ct)).HtmlAsync();
        inRange.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(1);
        var before = await (await office.GetAsync($"/audit?User={sectionUserId}&To={today.AddDays(-1):yyyy-MM-dd}", Ct)).HtmlAsync();
        before.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(0);

        // Seeding added the seven sections in one save: one item, summed up, the rows one click away.
        var systemOnly = await (await office.GetAsync("/audit?User=system&Type=Section", Ct)).HtmlAsync();
        var sections = systemOnly.QuerySelectorAll("[data-testid=audit-row]").ShouldHaveSingleItem();
        sections.QuerySelector("[data-testid=audit-user]")!.TextContent.ShouldBe("系统");
        sections.QuerySelector("[data-testid=audit-summary]")!.TextContent.ShouldContain("新增 7 项科室");
    }

    [Fact]
    public async Task The_browser_pages_by_fifty_saves()
    {
        // Sixty saves of a user of their own, written as the interceptor would (the table takes inserts).
        await Sql.Execute(app.ConnectionString, """
            INSERT INTO audit_entries (change_set_id, at, user_id, user_name, action, entity_type, entity_key, after)
            SELECT gen_random_uuid(), now() - make_interval(mins => i), 'paging-user', '翻页测试', 'Update', 'Organization', '1', '{"ShortName": "市城管局"}'
            FROM generate_series(1, 60) AS i
            """);
        var office = await app.UserAsync("office");

        var first = await (await office.GetAsync("/audit?User=paging-user", Ct)).HtmlAsync();
        first.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(50);
        first.QuerySelector("[data-testid=audit-total]")!.TextContent.ShouldContain("60");
        first.QuerySelector("[data-testid=next-page]").ShouldNotBeNull();
        var second = await (await office.GetAsync("/audit?User=paging-user&PageNumber=2", Ct)).HtmlAsync();
        second.QuerySelectorAll("[data-testid=audit-row]").Length.ShouldBe(10);
    }

    [Fact]
    public async Task A_reversed_date_range_gets_a_chinese_message_not_an_error()
    {
        var response = await (await app.UserAsync("office")).GetAsync("/audit?From=2023-06-02&To=2023-06-01&PageNumber=abc", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.TextAsync();
        text.ShouldContain("开始日期不能晚于结束日期");
    }
}
