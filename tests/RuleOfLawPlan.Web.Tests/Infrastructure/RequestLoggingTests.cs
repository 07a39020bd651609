using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Web.Data;
using Serilog.Core;
using Serilog.Events;

namespace RuleOfLawPlan.Web.Tests.Infrastructure;

/// <summary>
/// The request log under the shipped log levels: a client that goes away (wrk closing its connections, a user leaving a
/// slow page) is not the server's error and must not read as one, or it hides the real ones; a real failure still does.
/// The register page is driven for real; its first query is where the test makes the client leave or the database fail.
/// </summary>
public sealed class RequestLoggingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Page = "/activities";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_the_client_abandons_mid_way_is_logged_as_499_and_not_as_an_error()
    {
        using var client = new CancellationTokenSource();
        var fault = new PageQueryFault(() => client.Cancel());
        var (factory, log) = Logged(fault);
        await using var _ = factory;
        var http = await SignedInAsync(factory);

        await Should.ThrowAsync<OperationCanceledException>(() => http.GetAsync(Page, client.Token));
        await log.WaitForAsync(IsRequestFinished, Ct);

        fault.Fired.ShouldBeTrue();
        log.Events.Where(e => e.Level >= LogEventLevel.Error).Select(Describe).ShouldBeEmpty();
        var request = log.Events.Single(IsRequestLog);
        LogCapture.Property(request, "StatusCode").ShouldBe(499);
        request.Level.ShouldBe(LogEventLevel.Information);
    }

    [Fact]
    public async Task A_page_that_fails_is_still_logged_as_an_error_with_its_500()
    {
        var fault = new PageQueryFault(() => throw new InvalidOperationException("数据库出错（测试）"));
        var (factory, log) = Logged(fault);
        await using var _ = factory;
        var http = await SignedInAsync(factory);

        var response = await http.GetAsync(Page, Ct);
        await log.WaitForAsync(IsRequestFinished, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var request = log.Events.Single(IsRequestLog);
        request.Level.ShouldBe(LogEventLevel.Error);
        LogCapture.Property(request, "StatusCode").ShouldBe(500);
        log.Events.ShouldContain(e => e.Level == LogEventLevel.Error && e.Exception is InvalidOperationException, "the failure is logged with its exception");
    }

    private (WebApplicationFactory<Program> Factory, LogCapture Log) Logged(PageQueryFault fault)
    {
        var log = new LogCapture();
        var factory = app.Factory.WithWebHostBuilder(b => b
            // The shipped levels (appsettings.json), plus the host's own "Request finished", which comes after everything
            // else the request logs.
            .UseSetting("Serilog:MinimumLevel:Default", "Information")
            .UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics", "Information")
            .ConfigureTestServices(s =>
            {
                s.AddSingleton<ILogEventSink>(log);
                s.ConfigureDbContext<PlanDb>((services, options) =>
                    options.AddInterceptors(fault.For(services.GetRequiredService<IHttpContextAccessor>())));
            }));
        return (factory, log);
    }

    private static Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .SignInAsync("office", RuleOfLawPlan.Web.Data.SampleData.DemoPassword);

    private static bool IsRequestLog(LogEvent e) =>
        e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal) && (LogCapture.Property(e, "RequestPath") as string) == Page;

    private static bool IsRequestFinished(LogEvent e) =>
        e.MessageTemplate.Text.StartsWith("Request finished", StringComparison.Ordinal) && (LogCapture.Property(e, "Path") as string) == Page;

    private static string Describe(LogEvent e) =>
        $"{LogCapture.Property(e, "SourceContext")}: {e.RenderMessage(CultureInfo.InvariantCulture)} {e.Exception?.GetType().Name}";

    /// <summary>Runs its action when the register page sends its first query (the plans), in the middle of the request.</summary>
    private sealed class PageQueryFault(Action action)
    {
        private int _fired;

        public bool Fired => Volatile.Read(ref _fired) == 1;

        private void FireOnce()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0) action();
        }

        public IInterceptor For(IHttpContextAccessor http) => new Interceptor(this, http);

        private sealed class Interceptor(PageQueryFault fault, IHttpContextAccessor http) : DbCommandInterceptor
        {
            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
                InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                if (http.HttpContext?.Request.Path == Page && command.CommandText.Contains("FROM plans", StringComparison.Ordinal))
                    fault.FireOnce();
                return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
            }
        }
    }
}
