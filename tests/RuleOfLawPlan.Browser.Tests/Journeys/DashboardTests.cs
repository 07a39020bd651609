using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

/// <summary>领导小组驾驶舱 in Chromium on the 2023 plan with its demo year: a leader lands on it and drills into the red count.</summary>
public sealed class DashboardTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private async Task DemoYearAsync()
    {
        using var scope = app.Services.CreateScope();
        await DemoYear.EnsureAsync(scope.ServiceProvider.GetRequiredService<PlanDb>(), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_leader_lands_on_the_dashboard_and_its_red_count_opens_exactly_the_overdue_tasks()
    {
        await DemoYearAsync();
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        var requests = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, "leader");
        page.Url.ShouldEndWith("/dashboard");

        // Three charts, each drawn by ECharts' SVG renderer from the page's own tables.
        var charts = page.GetByTestId("chart");
        (await charts.CountAsync()).ShouldBe(3);
        for (var i = 0; i < 3; i++) await charts.Nth(i).Locator("svg").First.WaitForAsync();
        (await page.Locator("[data-testid=chart] svg text").AllTextContentsAsync()).ShouldContain("综合执法科", "the lights chart names the sections");
        (await page.GetByTestId("month-row").CountAsync()).ShouldBe(12, "the demo year has ended: every month end has its figure");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "dashboard-laptop.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "dashboard-phone.png"), FullPage = true });
        // What sticks out past the phone's width: nothing, so the page never scrolls sideways.
        (await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className + ' ' + (e.getAttribute('data-testid') ?? ''))
            """)).ShouldBeEmpty();

        await page.SetViewportSizeAsync(794, 1123);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "dashboard-print.png"), FullPage = true });
        (await page.Locator("nav.navbar").IsVisibleAsync()).ShouldBeFalse("the navigation does not print");
        (await page.GetByTestId("chart").First.IsVisibleAsync()).ShouldBeFalse("the printout shows the charts' tables instead");
        foreach (var table in new[] { "area-progress", "month-table", "section-lights" })
            (await page.GetByTestId(table).BoundingBoxAsync())!.Width.ShouldBeGreaterThan(300, $"{table} prints in full");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1280, 900);

        var red = page.Locator("[data-testid=dashboard-lights] [data-testid=light-count][data-light=Red]");
        var count = int.Parse(await red.GetByTestId("count").InnerTextAsync(), CultureInfo.InvariantCulture);
        count.ShouldBeGreaterThan(0, "the demo year ends with overdue tasks");
        await red.ClickAsync();
        await page.WaitForURLAsync("**light=Red**");
        (await page.GetByTestId("task-row").CountAsync()).ShouldBe(count);
        (await page.Locator("[data-testid=task-row] [data-testid=light]").AllInnerTextsAsync()).ShouldAllBe(t => t.Contains("红灯"));
        session.Problems.ShouldBeEmpty();
        lock (requests) requests.ShouldAllBe(url => url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal), "nothing loads from outside the site");
    }
}
