using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Account;

/// <summary>
/// The app on a database of its own, as the sign-in tests need it: reached from any client address (each request
/// comes from loopback, where nginx runs, with <c>X-Forwarded-For</c>, so the app's own forwarded-headers setup
/// decides the address), on a clock the test moves instead of waiting, and counting password-hash verifications,
/// the costly step whose presence makes an unknown name as slow as a wrong password.
/// </summary>
public class SignInFixture(PostgresClusterFixture cluster) : IAsyncLifetime
{
    private PlanAppFactory? _factory;

    /// <summary>Settings this fixture's app starts with; a subclass narrows the limits.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public string ConnectionString { get; private set; } = "";
    public TestClock Clock { get; } = new();
    public CountingPasswordHasher.Counter Verifications { get; } = new();
    public PlanAppFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        ConnectionString = cluster.ConnectionStringFor(await cluster.CreateDatabaseAsync(await AppFixture.SeededTemplateAsync(cluster)));
        _factory = new PlanAppFactory(ConnectionString, settings: Settings, services: services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Verifications);
            services.AddScoped<IPasswordHasher<AppUser>, CountingPasswordHasher>();
            services.AddSingleton<IStartupFilter, FromLoopbackProxy>();
        });
        _factory.StartServer();
    }

    /// <summary>A browser at <paramref name="address"/>; it keeps its cookies.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public Task<HttpClient> SignInFromAsync(string address, string userName, string password = SampleData.DemoPassword) =>
        ClientFrom(address).SignInAsync(userName, password);

    public static Dictionary<string, string> Login(string userName, string password) => new()
    {
        ["Form.UserName"] = userName,
        ["Form.Password"] = password,
    };

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware();
            });
            next(app);
        };
    }
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Identity's hasher, counting how often a password is verified against a hash.</summary>
public sealed class CountingPasswordHasher(CountingPasswordHasher.Counter counter, IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);

    public sealed class Counter
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Increment() => Interlocked.Increment(ref _count);
    }

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        counter.Increment();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
