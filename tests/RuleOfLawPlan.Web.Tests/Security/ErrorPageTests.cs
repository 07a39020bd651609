using System.Net;
using Microsoft.EntityFrameworkCore;

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
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE IF EXISTS plans RENAME TO plans_gone", ct);

        // The home page only redirects a viewer; the dashboard reads the plans.
        var response = await client.GetAsync("/dashboard", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync(ct);
        var page = await response.HtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("系统出错了");
        foreach (var leak in new[] { "42P01", "does not exist", "Npgsql", "Exception", "SELECT", " at RuleOfLawPlan", ".cs:line" })
            html.ShouldNotContain(leak, Case.Insensitive);
    }

    [Fact]
    public async Task A_client_asking_for_json_gets_problem_details_without_the_exception()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await app.SignInAsAsync("viewer");
        await using (var db = app.CreateDb())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE IF EXISTS plans RENAME TO plans_gone", ct);
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.SendAsync(request, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        json.RootElement.GetProperty("status").GetInt32().ShouldBe(500);
        foreach (var leak in new[] { "42P01", "does not exist", "Npgsql", "Exception", "SELECT", ".cs:line" })
            body.ShouldNotContain(leak, Case.Insensitive);
    }

    [Fact]
    public async Task A_missing_page_is_problem_details_for_json_and_the_chinese_page_for_a_browser()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await app.SignInAsAsync("viewer");
        var json = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        json.Headers.Accept.ParseAdd("application/json");
        var html = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        html.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var jsonResponse = await client.SendAsync(json, ct);
        var htmlResponse = await client.SendAsync(html, ct);

        jsonResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        jsonResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        htmlResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await htmlResponse.Content.ReadAsStringAsync(ct)).ShouldContain("找不到该页面");
    }
}
