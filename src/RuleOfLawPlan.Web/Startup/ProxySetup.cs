using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RuleOfLawPlan.Web.Startup;

/// <summary>
/// The app runs behind nginx, which terminates TLS. X-Forwarded-For/Proto are believed only from the proxies
/// named in ReverseProxy:KnownProxies (addresses) and ReverseProxy:KnownNetworks (CIDR); when neither is set,
/// only loopback is trusted, which is where nginx runs in the shipped deployment.
/// </summary>
public static class ProxySetup
{
    public static WebApplicationBuilder AddPlanReverseProxy(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ReverseProxy");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front of the app: take the address nginx saw, not what a client wrote further left.
            o.ForwardLimit = 1;
            if (proxies.Length == 0 && networks.Length == 0) return;
            // Configured lists replace the loopback defaults rather than adding to them.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }
}
