using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>The app as it runs in production behind nginx, on a copy of the seeded database.</summary>
public sealed class ProductionAppFixture(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private PlanAppFactory? _factory;

    public PlanAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var template = await AppFixture.SeededTemplateAsync(cluster);
        _factory = new PlanAppFactory(cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(template)), "Production");
        _factory.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

public sealed class ProductionTests(ProductionAppFixture app) : IClassFixture<ProductionAppFixture>
{
    private const string Host = "plan.example.gov.cn";
    private const string Client = "198.51.100.20";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient ClientFor(string scheme) => app.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri($"{scheme}://{Host}"),
    });

    [Fact]
    public async Task Plain_http_is_redirected_permanently_to_https()
    {
        var response = await ClientFor("http").GetAsync("/account/login?returnUrl=%2F", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        response.Headers.Location!.ToString().ShouldBe($"https://{Host}/account/login?returnUrl=%2F");
    }

    [Fact]
    public async Task Https_responses_carry_a_one_year_hsts_header()
    {
        var response = await ClientFor("https").GetAsync("/account/login", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
        response.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
    }

    [Fact]
    public async Task Cookies_are_secure_and_http_only_in_production()
    {
        var response = await ClientFor("https").GetAsync("/account/login", Ct);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rolp.af=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
    }

    [Fact]
    public async Task Forwarded_headers_from_the_local_proxy_are_honoured()
    {
        var context = await ThroughProxyAsync(app.Factory, proxy: "127.0.0.1");

        context.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        context.Request.Scheme.ShouldBe("https");
        context.Connection.RemoteIpAddress!.ToString().ShouldBe(Client);
        context.Response.Headers.StrictTransportSecurity.ToString().ShouldBe("max-age=31536000");
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var context = await ThroughProxyAsync(app.Factory, proxy: "203.0.113.7");

        context.Request.Scheme.ShouldBe("http");
        context.Connection.RemoteIpAddress!.ToString().ShouldBe("203.0.113.7");
        context.Response.StatusCode.ShouldBe(StatusCodes.Status308PermanentRedirect);
    }

    [Fact]
    public async Task Configured_known_proxies_replace_loopback()
    {
        await using var configured = app.Factory.WithWebHostBuilder(b => b.UseSetting("ReverseProxy:KnownProxies:0", "10.0.0.5"));

        (await ThroughProxyAsync(configured, proxy: "10.0.0.5")).Request.Scheme.ShouldBe("https");
        (await ThroughProxyAsync(configured, proxy: "127.0.0.1")).Request.Scheme.ShouldBe("http");
    }

    /// <summary>A request as nginx at <paramref name="proxy"/> forwards it: TLS terminated, client address in X-Forwarded-For.</summary>
    private static Task<HttpContext> ThroughProxyAsync(WebApplicationFactory<Program> factory, string proxy) =>
        factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString(Host);
            c.Request.Path = "/account/login";
            c.Connection.RemoteIpAddress = IPAddress.Parse(proxy);
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = Client;
        }, Ct);
}
