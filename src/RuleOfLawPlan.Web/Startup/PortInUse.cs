using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace RuleOfLawPlan.Web.Startup;

/// <summary>
/// Kestrel cannot listen because another program holds the port: the commonest failure of a first start,
/// and not a bug. It is told in one line naming the port and how to choose another, not as a stack trace.
/// </summary>
public static partial class PortInUse
{
    public static bool IsCause(Exception e) =>
        e is IOException && Chain(e).Any(inner => inner is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse });

    public static string Describe(Exception e)
    {
        // Kestrel names the address it could not bind only in its message: "Failed to bind to address http://127.0.0.1:5250: address already in use."
        var address = BoundAddress().Match(e.Message);
        if (!address.Success || !Uri.TryCreate(address.Groups["url"].Value, UriKind.Absolute, out var url))
        {
            return "端口已被其他程序占用：请关闭该程序，或用 --urls 换一个端口启动（也可设置环境变量 ASPNETCORE_URLS） / " +
                   "the port is already in use by another program: stop it, or choose another port with --urls (or ASPNETCORE_URLS)";
        }
        var port = url.Port;
        var other = $"http://localhost:{(port < 65535 ? port + 1 : port - 1)}";
        return $"端口 {port} 已被其他程序占用：请关闭该程序，或换一个端口启动，例如 --urls {other}（也可设置环境变量 ASPNETCORE_URLS） / " +
               $"port {port} is already in use by another program: stop it, or choose another port, e.g. --urls {other} (or set ASPNETCORE_URLS)";
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException) yield return inner;
    }

    [GeneratedRegex(@"(?<url>https?://\S+):\s", RegexOptions.CultureInvariant)]
    private static partial Regex BoundAddress();
}
