using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// The log events an app wrote, for tests that check what is logged and at which level. Registered as an
/// <see cref="ILogEventSink"/> service, the app's logger writes to it besides its configured sinks (ReadFrom.Services).
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly List<(Func<LogEvent, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent)
    {
        _events.Enqueue(logEvent);
        lock (_waiters)
        {
            foreach (var (match, seen) in _waiters.Where(w => w.Match(logEvent)))
                seen.TrySetResult();
        }
    }

    /// <summary>Completes once an event that matches has been written (at once if one already was).</summary>
    public Task WaitForAsync(Func<LogEvent, bool> match, CancellationToken ct)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_events.Any(match)) return Task.CompletedTask;
            _waiters.Add((match, seen));
        }
        return seen.Task.WaitAsync(ct);
    }

    /// <summary>The value of a scalar property of an event, or null.</summary>
    public static object? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
