using Microsoft.Playwright;
using RuleOfLawPlan.Browser.Tests;

[assembly: AssemblyFixture(typeof(ChromiumFixture))]

namespace RuleOfLawPlan.Browser.Tests;

/// <summary>
/// One Playwright driver and one Debian Chromium for the whole run; each test opens a context of its own.
/// Playwright's own browser download is not used: the machine's chromium package is (docs/decisions/003).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {executable}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.");
        }

        List<string> args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"];
        // Chromium's sandbox needs user namespaces it cannot have as root (CI runs as root).
        if (Environment.UserName == "root") args.Add("--no-sandbox");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = args,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
