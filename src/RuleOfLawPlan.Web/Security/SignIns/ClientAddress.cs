using System.Net;
using System.Net.Sockets;

namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>The address the throttle counts by and the sign-in log records.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's address, which UseForwardedHeaders has already replaced with the client's when the request
    /// came through a trusted proxy. An IPv6 client counts as its /64 network: one line usually owns a whole /64 and
    /// could otherwise take a fresh address for every guess.
    /// </summary>
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address)) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
