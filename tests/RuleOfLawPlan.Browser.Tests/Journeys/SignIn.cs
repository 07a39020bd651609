using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

public static class SignIn
{
    /// <summary>Fills in and submits the login form as a user would.</summary>
    public static async Task SubmitAsync(IPage page, string userName, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
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
