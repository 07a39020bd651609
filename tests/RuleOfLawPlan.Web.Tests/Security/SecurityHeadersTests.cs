using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Web.Startup;

namespace RuleOfLawPlan.Web.Tests.Security;

public sealed class SecurityHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_app_maps_the_pages_the_header_checks_walk_through()
    {
        var urls = PageUrls.All(app.Factory.Services, "1");

        urls.ShouldContain("/account/login");
        urls.ShouldContain("/plans/1");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("office")]
    public async Task Every_page_carries_the_security_headers(string? userName)
    {
        var client = userName is null ? app.CreateClient() : await app.SignInAsAsync(userName);
        var failures = new List<string>();

        foreach (var url in PageUrls.All(app.Factory.Services, (await PlanIdAsync()).ToString(CultureInfo.InvariantCulture)))
        {
            var response = await client.GetAsync(url, Ct);
            if ((int)response.StatusCode >= 500) failures.Add($"{url}: {(int)response.StatusCode}");
            failures.AddRange(MissingHeaders(response).Select(h => $"{url}: {h}"));
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("admin")]
    [InlineData("office")]
    [InlineData("leader")]
    [InlineData("section")]
    public async Task No_page_has_inline_style_or_script_that_the_csp_would_block(string? userName)
    {
        var failures = new List<string>();

        await foreach (var (url, page) in HtmlPagesAsync(userName))
        {
            failures.AddRange(page.QuerySelectorAll("[style]").Select(e => $"{url}: <{e.LocalName} style=\"{e.GetAttribute("style")}\">"));
            failures.AddRange(page.QuerySelectorAll("script:not([src]), style").Select(e => $"{url}: inline <{e.LocalName}>"));
            failures.AddRange(page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => $"{url}: {e.LocalName} {a.Name}")));
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("admin")]
    public async Task Every_form_that_posts_carries_an_antiforgery_token(string? userName)
    {
        var failures = new List<string>();

        await foreach (var (url, page) in HtmlPagesAsync(userName))
        {
            failures.AddRange(page.QuerySelectorAll("form")
                .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                .Where(f => f.QuerySelector("input[name=__RequestVerificationToken]") is null)
                .Select(f => $"{url}: form {f.GetAttribute("action")}"));
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>Every page the app maps, as the user (anonymous when null) receives it, where it is HTML.</summary>
    private async IAsyncEnumerable<(string Url, AngleSharp.Dom.IDocument Page)> HtmlPagesAsync(string? userName)
    {
        var client = userName is null ? app.CreateClient() : await app.SignInAsAsync(userName);
        foreach (var url in PageUrls.All(app.Factory.Services, (await PlanIdAsync()).ToString(CultureInfo.InvariantCulture)))
        {
            var response = await client.GetAsync(url, Ct);
            if (response.Content.Headers.ContentType?.MediaType == "text/html") yield return (url, await response.HtmlAsync());
        }
    }

    [Theory]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task Static_files_health_checks_and_errors_carry_them_too(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Ct);

        MissingHeaders(response).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_csp_allows_no_inline_script_or_style()
    {
        var response = await app.CreateClient().GetAsync("/account/login", Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
    }

    [Fact]
    public async Task Development_does_not_send_hsts_or_redirect_to_https()
    {
        var response = await app.CreateClient().GetAsync("/account/login", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_with_a_chinese_page()
    {
        var response = await app.CreateClient().PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Form.UserName"] = "admin",
            ["Form.Password"] = RuleOfLawPlan.Web.Data.SampleData.DemoPassword,
        }, withAntiforgery: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse("no sign-in cookie without a token");
        var page = await response.HtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("请求无效");
        MissingHeaders(response).ShouldBeEmpty();
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = app.CreateDb();
        return await db.Plans.Select(p => p.Id).FirstAsync(Ct);
    }

    private static IEnumerable<string> MissingHeaders(HttpResponseMessage response) =>
        SecurityHeaders.Values
            .Where(h => !response.Headers.TryGetValues(h.Key, out var values) || values.SingleOrDefault() != h.Value)
            .Select(h => $"{h.Key} missing or wrong");
}
