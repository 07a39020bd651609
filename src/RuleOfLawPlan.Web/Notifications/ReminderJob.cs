using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuleOfLawPlan.Domain.Supervision;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Notifications;

/// <summary>
/// The daily reminders (decision 015): once a day from <see cref="ReminderOptions.RunAt"/> Shanghai time, writes
/// 报送截止日临近, 完成时限临近, 已逾期, 进展被退回 and 新批示 notifications, then records the day as done. Every few
/// minutes it looks whether today is due and not recorded, so a run cut short by a restart is done again, and
/// the notifications' unique index keeps a second run — here or on another instance — from writing anything twice.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options,
    SupervisionSettings supervision, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Writing today's reminders failed; trying again at the next check");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the day stays unrecorded and the next start runs it again.
        }
    }

    /// <summary>Runs today's reminders if it is past the hour and today is not recorded as done; says whether it ran.</summary>
    public async Task<bool> RunDueAsync(CancellationToken ct)
    {
        var local = ChinaTime.Local(clock.GetUtcNow());
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.RunAt) return false;
        var today = DateOnly.FromDateTime(local.DateTime);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        if (await db.ReminderRuns.AnyAsync(r => r.Day == today, ct)) return false;
        await RunAsync(db, today, ct);
        return true;
    }

    /// <summary>
    /// Writes the day's reminders, each kind in its own statement (and transaction), then records the day. Safe to
    /// repeat and to run concurrently: what another run already wrote is skipped by the database.
    /// </summary>
    public async Task<int> RunAsync(PlanDb db, DateOnly day, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var written = 0;
        var period = supervision.Calendar.PeriodContaining(day);
        if (day >= period.CutOff.AddDays(-options.Value.CutOffLeadDays))
            written += await NotificationWriter.CutOffApproachingAsync(db, period.Start, period.CutOff, now, ct);
        written += await NotificationWriter.DeadlineApproachingAsync(db, day, day.AddDays(supervision.BlueWindowDays), now, ct);
        written += await NotificationWriter.OverdueAsync(db, day, now, ct);
        written += await NotificationWriter.UpdateReturnedAsync(db, now, ct);
        written += await NotificationWriter.NewInstructionAsync(db, now, ct);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO reminder_runs (day, completed_at) VALUES ({day}, {now}) ON CONFLICT (day) DO NOTHING", ct);
        logger.LogInformation("Reminders for {Day}: {Count} notifications written", day, written);
        return written;
    }
}
