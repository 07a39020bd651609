using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace RuleOfLawPlan.TestSupport;

/// <summary>
/// Runs test classes, methods and theory rows in a new random order on every run, so that a test that
/// depends on another one (or on running first) fails soon rather than one day. xunit's own order is shuffled
/// but the same on every run. Repeat a failing order with <c>TEST_ORDER_SEED=N dotnet test</c>, N being the
/// seed every failed test prints (<see cref="PrintOrderSeedAttribute"/>).
/// </summary>
public sealed class RandomOrder : ITestCollectionOrderer, ITestClassOrderer, ITestMethodOrderer, ITestCaseOrderer
{
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("TEST_ORDER_SEED"), out var seed)
        ? seed
        : Random.Shared.Next();

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection => Shuffle(testCollections, c => c.UniqueID);

    public IReadOnlyCollection<TTestClass?> OrderTestClasses<TTestClass>(IReadOnlyCollection<TTestClass?> testClasses)
        where TTestClass : notnull, ITestClass => Shuffle(testClasses, c => c?.UniqueID ?? "");

    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod => Shuffle(testMethods, m => m?.UniqueID ?? "");

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase => Shuffle(testCases, c => c.UniqueID);

    /// <summary>
    /// Each group is shuffled by a generator of its own, seeded from the run's seed and the group's members: groups are
    /// ordered concurrently, and the same seed must give the same order whichever group comes first.
    /// </summary>
    private static T[] Shuffle<T>(IReadOnlyCollection<T> items, Func<T, string> uniqueId)
    {
        var array = items.OrderBy(uniqueId, StringComparer.Ordinal).ToArray();
        var hash = (uint)Seed;
        foreach (var c in string.Concat(array.Select(uniqueId)))
            hash = (hash ^ c) * 16777619;
        new Random((int)hash).Shuffle(array);
        return array;
    }
}

/// <summary>Writes the run's order seed into every test's output, so a failure says how to repeat its order.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class PrintOrderSeedAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"Test order: repeat it with TEST_ORDER_SEED={RandomOrder.Seed} dotnet test …");
}
