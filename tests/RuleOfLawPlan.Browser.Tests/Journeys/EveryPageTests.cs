using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>
/// Every page the app maps (discovered, so a new page is included without editing this test), opened in
/// Chromium as each role: whatever the role may see must render without console errors or CSP violations.
/// </summary>
public sealed class EveryPageTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("leader")]
    [InlineData("office")]
    [InlineData("section")]
    [InlineData("viewer")]
    public async Task Every_page_the_role_may_open_renders_without_errors_under_the_csp(string userName)
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, userName);
        var opened = new List<string>();
        var failures = new List<string>();

        foreach (var url in PageUrls.All(app.Services, "1").Where(u => !u.StartsWith("/account/logout", StringComparison.Ordinal)))
        {
            var before = session.Problems.Count;
            var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            // Pages the role may not open (403) or ids that do not exist (404) log the status as a console
            // error by design; the permission matrix covers them.
            if (response?.Status != 200) continue;
            opened.Add(url);
            failures.AddRange(session.Problems.Skip(before).Select(p => $"{url}: {p}"));
        }

        opened.ShouldContain("/plans/1");
        opened.ShouldContain("/tasks/1");
        failures.ShouldBeEmpty();
    }
}
