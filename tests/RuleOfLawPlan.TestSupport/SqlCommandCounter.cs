using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// Counts SQL round-trips, so tests can check that a page's queries do not grow with the data, and, when asked, keeps
/// the commands' text since the last <see cref="Reset"/>, so they can check what a page reads.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();

    public int Count => Volatile.Read(ref _count);

    /// <summary>Whether <see cref="Commands"/> are kept: off by default, as the benchmarks send hundreds of thousands.</summary>
    public bool KeepsCommands { get; set; }

    /// <summary>The text of each command sent since the last <see cref="Reset"/> while <see cref="KeepsCommands"/>, in order.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _commands.Clear();
    }

    private void Sent(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        if (KeepsCommands) _commands.Enqueue(command.CommandText);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Sent(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Sent(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Sent(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
