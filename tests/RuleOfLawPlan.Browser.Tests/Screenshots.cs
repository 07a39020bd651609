using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests;

/// <summary>Screenshots for reviewers, next to the test binaries (bin/…/screenshots); never committed.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {path}");
    }
}
