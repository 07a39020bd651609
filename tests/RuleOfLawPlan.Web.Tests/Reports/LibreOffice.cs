using System.Diagnostics;
using System.Globalization;

namespace RuleOfLawPlan.Web.Tests.Reports;

/// <summary>
/// LibreOffice and poppler from the command line: a .docx to PDF, the PDF's pages as text and PNG. Each conversion has its
/// own LibreOffice profile, so tests running at once do not share (and lock) one. The official fonts are not packaged for
/// Debian; a fontconfig file for the conversion alone maps their names to faces that are (decision 023), the way a
/// machine with the fonts would resolve them, so the rendering shows serif 仿宋 and 宋体 stand-ins, not a sans fallback.
/// </summary>
internal static class LibreOffice
{
    public const string Install = "apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-gkai00mp";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Converts <paramref name="docx"/> to a PDF beside it and returns the PDF's path.</summary>
    public static async Task<string> ToPdfAsync(string docx, TempFolder work)
    {
        var soffice = Require("soffice");
        var fonts = work.Combine("fonts.conf");
        await File.WriteAllTextAsync(fonts, FontSubstitutes, TestContext.Current.CancellationToken);
        var (code, output) = await RunAsync(soffice,
            [$"-env:UserInstallation=file://{work.Combine("profile")}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.Path, docx],
            new Dictionary<string, string> { ["FONTCONFIG_FILE"] = fonts, ["HOME"] = work.Path });
        var pdf = Path.ChangeExtension(Path.Combine(work.Path, Path.GetFileName(docx)), ".pdf");
        if (code != 0 || !File.Exists(pdf)) throw new InvalidOperationException($"soffice did not convert {docx} (exit {code}): {output}");
        return pdf;
    }

    public static async Task<int> PageCountAsync(string pdf)
    {
        var (_, info) = await RunAsync(Require("pdfinfo"), [pdf]);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>One page's text with its layout kept (-layout), so a line's position shows where on the line it was.</summary>
    public static async Task<string> PageTextAsync(string pdf, int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var (code, text) = await RunAsync(Require("pdftotext"), ["-layout", "-f", number, "-l", number, pdf, "-"]);
        code.ShouldBe(0, text);
        return text;
    }

    /// <summary>The text within a rectangle of a page, in points from the top left (an A4 page is 595 × 842).</summary>
    public static async Task<string> RegionTextAsync(string pdf, int page, int x, int y, int width, int height)
    {
        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        var (code, text) = await RunAsync(Require("pdftotext"), ["-r", "72", "-f", N(page), "-l", N(page), "-x", N(x), "-y", N(y), "-W", N(width), "-H", N(height), pdf, "-"]);
        code.ShouldBe(0, text);
        return text.Trim();
    }

    public static async Task SavePngAsync(string pdf, int page, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var number = page.ToString(CultureInfo.InvariantCulture);
        var (code, output) = await RunAsync(Require("pdftoppm"), ["-png", "-r", "100", "-singlefile", "-f", number, "-l", number, pdf, path[..^".png".Length]]);
        code.ShouldBe(0, output);
        File.Exists(path).ShouldBeTrue();
    }

    /// <summary>The program's full path; a test fails, and says how to install it, when it is missing (it is not skipped).</summary>
    private static string Require(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{program} is not installed; install it with: {Install}");

    private static async Task<(int Code, string Output)> RunAsync(string program, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The system's fonts, plus the official names resolved to the nearest packaged faces.</summary>
    private const string FontSubstitutes = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
          <alias binding="same"><family>仿宋_GB2312</family><prefer><family>AR PL SungtiL GB</family><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="same"><family>仿宋</family><prefer><family>AR PL SungtiL GB</family><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="same"><family>楷体_GB2312</family><prefer><family>AR PL KaitiM GB</family><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family><family>AR PL SungtiL GB</family></prefer></alias>
          <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
        </fontconfig>
        """;
}
