using Microsoft.EntityFrameworkCore;

namespace RuleOfLawPlan.Web.Data;

public static class PlanDbOptions
{
    /// <summary>The one place the provider is configured: the app, the design-time factory and the tests use it.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
        .UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<PlanDb> Configure(DbContextOptionsBuilder<PlanDb> options, string connectionString)
    {
        Configure((DbContextOptionsBuilder)options, connectionString);
        return options;
    }
}
