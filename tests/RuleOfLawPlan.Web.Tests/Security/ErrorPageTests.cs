using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Tests.Infrastructure;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>Breaks its own database on purpose: the class has a fixture (and so a database) to itself.</summary>
public sealed class ErrorPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_database_failure_shows_the_chinese_error_page_without_the_exception()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await app.SignInAsAsync("viewer");
        await using (var db = app.CreateDb())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE plans RENAME TO plans_gone", ct);

        var response = await client.GetAsync("/", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync(ct);
        var page = await response.HtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("系统出错了");
        foreach (var leak in new[] { "42P01", "does not exist", "Npgsql", "Exception", "SELECT", " at RuleOfLawPlan", ".cs:line" })
            html.ShouldNotContain(leak, Case.Insensitive);
    }
}
