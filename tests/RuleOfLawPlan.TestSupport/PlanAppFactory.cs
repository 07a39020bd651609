using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// The real app on a given database, as the HTTP tests, the browser tests and the benchmarks start it: the one
/// place the settings they share live. It counts the SQL commands it sends. <c>settings</c> override
/// configuration; <c>kestrel</c> serves on a real loopback port (for a browser) instead of in memory;
/// <c>services</c> adds test services.
/// </summary>
public sealed class PlanAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public PlanAppFactory(string connectionString, string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false, Action<IServiceCollection>? services = null)
    {
        _connectionString = connectionString;
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        if (kestrel) UseKestrel(0);
        // Outside Development cookies are Secure: talk https so the client sends them back.
        if (environment != "Development") ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public SqlCommandCounter Sql { get; } = new();

    /// <summary>Where Kestrel listens, once started with <c>kestrel: true</c>.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Plan", _connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests make the data they assert on; the demo year (docs/demo-data.md) is on only where a test asks for it.
        builder.UseSetting("Seed:DemoYear", "false");
        // A test's notifications are the ones it writes: the daily job runs only when a test calls it or turns it on.
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<PlanDb>(options => options.AddInterceptors(Sql));
            _services?.Invoke(services);
        });
    }
}
