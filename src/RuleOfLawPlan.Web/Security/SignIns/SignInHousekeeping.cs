using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security.SignIns;

/// <summary>Deletes expired sessions and sign-in log rows past their retention, hourly.</summary>
public sealed class SignInHousekeeping(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SignInLimits> limits,
    ILogger<SignInHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PruneAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Pruning sessions and the sign-in log failed; trying again in an hour");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping, also when it stops during start (a port in use): not a failure of the service.
        }
    }

    public async Task PruneAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var oldest = now - limits.Value.LogRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var sessions = await db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var attempts = await db.SignInAttempts.Where(a => a.At < oldest).ExecuteDeleteAsync(ct);
        if (sessions + attempts > 0)
            logger.LogInformation("Pruned {Sessions} expired sessions and {Attempts} sign-in log rows", sessions, attempts);
    }
}
