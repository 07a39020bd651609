using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

public static class SignIn
{
    /// <summary>
    /// Fills in and submits the login form as a user would, and waits for the page the submission brings. A refused
    /// sign-in answers at the same address, so neither the address nor the load state tells the new page from the old:
    /// waiting for "load" right after the click could return for the old page, still loaded, and the next attempt then
    /// typed into a page about to be replaced and its submission was lost (a 30 s timeout, seen on a loaded machine).
    /// The old page is marked before the click, and the wait is for a page without the mark.
    /// </summary>
    public static async Task SubmitAsync(IPage page, string userName, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.EvaluateAsync("() => document.documentElement.dataset.submitted = 'yes'");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.Locator("html[data-submitted]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Signs in and waits for the home page: 我的任务 for a section head, 领导小组驾驶舱 for the others.</summary>
    public static async Task AsAsync(IPage page, string userName, string password = RuleOfLawPlan.Web.Data.SampleData.DemoPassword)
    {
        await SubmitAsync(page, userName, password);
        await page.WaitForURLAsync(new Regex(@"/(dashboard|my)$"));
    }

    /// <summary>From 我的任务 or the dashboard to the plan overview, through the plan's link; elsewhere nothing to do.</summary>
    public static async Task ToPlanAsync(IPage page)
    {
        if (!page.Url.EndsWith("/my", StringComparison.Ordinal) && !page.Url.EndsWith("/dashboard", StringComparison.Ordinal)) return;
        await page.GetByTestId("plan-link").ClickAsync();
        await page.WaitForURLAsync("**/plans/*");
    }
}
