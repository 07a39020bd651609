using Microsoft.Extensions.Caching.Memory;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Pages.Shared;

namespace RuleOfLawPlan.Web.Pages.Dashboard;

/// <summary>
/// Keeps the dashboard's figures until the plan data changes (decision 025): a request reads
/// <see cref="PlanDataVersion"/> (one small query) and is answered from memory while the version, the plan, the day asked
/// for and today are the ones the figures were computed for. Requests that miss together wait for one computation, which
/// runs in a scope of its own so that one visitor leaving does not cancel it for the others.
/// </summary>
public sealed class DashboardFiguresCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private sealed record Key(int? Plan, DateOnly? AsOf, DateOnly Today);

    private sealed record Entry(long Version, Task<DashboardFigures> Figures);

    /// <summary>
    /// Plans and days asked for recently: each entry at 100× holds ~2 600 task rows, so the count is capped and idle ones
    /// go; a day-by-day look through the year does not fill the memory.
    /// </summary>
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 16 });

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();

    public async Task<DashboardFigures> GetAsync(PlanDb db, int? plan, DateOnly? asOf, CancellationToken ct)
    {
        var version = await PlanDataVersion.ReadAsync(db, ct);
        var key = new Key(plan, asOf, ChinaTime.Today(clock));
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry!) || entry.Version != version)
            {
                entry = new Entry(version, Task.Run(() => ComputeAsync(plan, asOf)));
                _entries.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
            }
        }
        try
        {
            return await entry.Figures.WaitAsync(ct);
        }
        catch when (entry.Figures.IsFaulted)
        {
            // The next request computes again rather than being handed the same failure.
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out Entry? current) && current == entry) _entries.Remove(key);
            }
            throw;
        }
    }

    private async Task<DashboardFigures> ComputeAsync(int? plan, DateOnly? asOf)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DashboardFigures.LoadAsync(scope.ServiceProvider.GetRequiredService<PlanDb>(),
            scope.ServiceProvider.GetRequiredService<SupervisionQuery>(), plan, asOf, CancellationToken.None);
    }

    public void Dispose() => _entries.Dispose();
}
