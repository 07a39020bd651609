using Microsoft.Playwright;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Browser.Tests.Journeys;

public sealed class SignInTests(ChromiumFixture chromium, BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Dashboard = "领导小组驾驶舱";

    public static readonly TheoryData<string, string, string[], string> Accounts = new()
    {
        { "admin", "系统管理员（系统管理员）", ["驾驶舱", "任务清单", "领导履职", "审计日志", "用户管理", "科室管理"], Dashboard },
        { "leader", "局领导（组长）（领导小组）", ["驾驶舱", "任务清单", "我的批示", "领导履职"], Dashboard },
        { "office", "政策法规办干部（领导小组办公室）", ["驾驶舱", "任务清单", "审核进展", "领导履职", "审计日志"], Dashboard },
        { "section", "综合执法科科长（科室负责人）", ["我的任务"], "我的任务" },
        { "section2", "市容环境卫生管理科科长（科室负责人）", ["我的任务"], "我的任务" },
        { "viewer", "查看用户（查看）", ["驾驶舱", "任务清单", "领导履职"], Dashboard },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Each_role_sees_its_own_navigation_and_name(string userName, string shownAs, string[] links, string heading)
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;

        await SignIn.AsAsync(page, userName);

        (await page.Locator("[data-testid=main-nav] a").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(links);
        (await page.GetByTestId("current-user").InnerTextAsync()).Trim().ShouldBe(shownAs);
        (await page.GetByRole(AriaRole.Link, new() { Name = "修改密码" }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(heading);
        await Screenshots.TakeAsync(page, $"home-{userName}");
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_home_page_is_styled_and_bootstrap_runs_under_the_csp()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "viewer");

        // site.css: the bureau's red navigation bar; bootstrap.css: rounded cards.
        (await page.Locator("nav.navbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(155, 28, 28)");
        (await page.Locator(".card").First.EvaluateAsync<string>("e => getComputedStyle(e).borderTopLeftRadius")).ShouldNotBe("0px");
        (await page.EvaluateAsync<bool>("() => typeof window.bootstrap === 'object'")).ShouldBeTrue();

        // On a phone the navigation folds away; Bootstrap's script unfolds it.
        await page.SetViewportSizeAsync(390, 800);
        var overview = page.GetByRole(AriaRole.Link, new() { Name = "驾驶舱" });
        (await overview.IsVisibleAsync()).ShouldBeFalse();
        await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
        await overview.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_password_is_told_in_chinese()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;

        await SignIn.SubmitAsync(page, "viewer", "Wrong@2023");

        (await page.GetByTestId("login-error").InnerTextAsync()).Trim().ShouldBe("用户名或密码错误");
        page.Url.ShouldContain("/account/login");
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Signing_out_returns_to_the_login_page()
    {
        await using var session = await BrowserSession.OpenAsync(chromium, app.BaseAddress);
        var page = session.Page;
        await SignIn.AsAsync(page, "leader");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login");

        await page.GotoAsync("/");
        page.Url.ShouldContain("/account/login", Case.Insensitive);
        (await page.Locator("[data-testid=main-nav]").CountAsync()).ShouldBe(0);
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_demo_account_is_covered() =>
        SampleData.DemoUsers.Select(u => u.UserName).ShouldBe(Accounts.Select(row => (string)((ITheoryDataRow)row).GetData()[0]!), ignoreOrder: true);
}
