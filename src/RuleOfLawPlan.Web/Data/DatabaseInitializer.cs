namespace RuleOfLawPlan.Web.Data;

/// <summary>Schema and first-run data, prepared when the host starts and before it takes requests.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.PrepareDatabaseAsync(environment, configuration, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
