using System.Runtime.InteropServices;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// Stops the local PostgreSQL when the host stops: its postmaster is in a session of its own, so Ctrl+C
/// or SIGTERM to the app never reaches it. Registered first, it is stopped after the other hosted services.
/// </summary>
internal sealed class LocalPostgresLifetime(LocalPostgresServer server, IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    private PosixSignalRegistration? _hangUp;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Closing the terminal sends SIGHUP, which .NET does not turn into a shutdown by itself: without this the
        // process would die and leave the server running (the next start would adopt it, but nothing should be left).
        if (!OperatingSystem.IsWindows())
        {
            _hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                lifetime.StopApplication();
            });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => server.DisposeAsync().AsTask();

    public void Dispose() => _hangUp?.Dispose();
}
