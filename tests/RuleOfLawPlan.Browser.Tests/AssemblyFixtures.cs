using RuleOfLawPlan.TestSupport;

// One throwaway PostgreSQL for the whole run of this test assembly.
[assembly: AssemblyFixture(typeof(PostgresClusterFixture))]
