// One throwaway PostgreSQL for the whole run of this test assembly.
[assembly: AssemblyFixture(typeof(PostgresClusterFixture))]

// A new order every run, so that no test can rely on another having run before it (RandomOrder).
[assembly: TestCollectionOrderer(typeof(RandomOrder))]
[assembly: TestClassOrderer(typeof(RandomOrder))]
[assembly: TestMethodOrderer(typeof(RandomOrder))]
[assembly: TestCaseOrderer(typeof(RandomOrder))]
[assembly: PrintOrderSeed]
