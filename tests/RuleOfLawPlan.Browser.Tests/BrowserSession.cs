using Microsoft.Playwright;

namespace RuleOfLawPlan.Browser.Tests;

/// <summary>
/// A fresh browser context (no cookies shared with any other test) and one page, recording every console
/// error, uncaught script error and Content-Security-Policy violation the page meets.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Chromium also logs "Refused to …" for a violation; the event catches the ones it does not log.
    private const string ReportCspViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
                ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (_problems) _problems.Add($"{page.Url}: console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (_problems) _problems.Add($"{page.Url}: script error: {error}");
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors, script errors and CSP violations so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get { lock (_problems) return [.. _problems]; }
    }

    public static async Task<BrowserSession> OpenAsync(ChromiumFixture chromium, Uri baseAddress)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: two test processes and Chromium share a loaded 2-core CI machine; a slow page is not a failed step.
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(ReportCspViolations);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
