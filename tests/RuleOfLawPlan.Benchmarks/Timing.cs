using System.Diagnostics;

/// <summary>Times an action over warm-up and measured runs and prints n, mean, p50, p95 and max, one line per measurement.</summary>
internal static class Timing
{
    public static void Measure(string name, int warmup, int runs, Action action)
    {
        for (var i = 0; i < warmup; i++) action();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Report(name, samples);
    }

    public static async Task MeasureAsync(string name, int warmup, int runs, Func<Task> action)
    {
        for (var i = 0; i < warmup; i++) await action();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Report(name, samples);
    }

    public static void Report(string name, double[] samples)
    {
        Array.Sort(samples);
        double At(double q) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(q * samples.Length) - 1)];
        Console.WriteLine($"{name}: n={samples.Length} mean={samples.Average():0.000} ms p50={At(0.50):0.000} ms p95={At(0.95):0.000} ms max={samples[^1]:0.000} ms");
    }
}
