namespace RuleOfLawPlan.Web.Data.LocalPostgres;

public static class TemporaryConnection
{
    public static WebApplicationBuilder AddPlanDatabaseConnection(this WebApplicationBuilder builder) => builder;
}
