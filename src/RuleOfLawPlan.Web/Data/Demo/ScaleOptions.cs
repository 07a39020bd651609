using System.Globalization;

namespace RuleOfLawPlan.Web.Data.Demo;

/// <summary>
/// How much data <see cref="ScaleData"/> makes: the 2023 plan grown to <paramref name="Tasks"/> tasks with
/// <paramref name="Updates"/> progress updates in all, and <paramref name="PriorYears"/> closed plans of the years
/// before it, each as large, with KPI readings and each task's year-end figure. The same options and
/// <paramref name="Seed"/> give the same rows on a freshly seeded database. <c>Tasks = 0</c> means the plan as imported
/// (26 tasks) with its <see cref="DemoYear"/>.
/// </summary>
public sealed record ScaleOptions(int Tasks, int Updates, int PriorYears, int Seed = ScaleOptions.DefaultSeed)
{
    public const int DefaultSeed = 2023;

    /// <summary>1×: the 2023 plan with its demo year, as a first start in Development shows it.</summary>
    public static ScaleOptions One { get; } = new(0, 0, 0);

    /// <summary>10×: 260 tasks, 3 000 updates, ten earlier years.</summary>
    public static ScaleOptions Ten { get; } = new(260, 3_000, 10);

    /// <summary>100×: a city-wide plan across departments — 2 600 tasks, 30 000 updates — and ten earlier years.</summary>
    public static ScaleOptions Hundred { get; } = new(2_600, 30_000, 10);

    public bool IsDemoYear => Tasks == 0;

    /// <summary>The preset for 1, 10 or 100; null for any other factor.</summary>
    public static ScaleOptions? ForFactor(int factor) => factor switch
    {
        1 => One,
        10 => Ten,
        100 => Hundred,
        _ => null,
    };

    public override string ToString() => IsDemoYear
        ? "1× (demo year)"
        : string.Create(CultureInfo.InvariantCulture, $"{Tasks} tasks, {Updates} updates, {PriorYears} earlier years, seed {Seed}");
}
