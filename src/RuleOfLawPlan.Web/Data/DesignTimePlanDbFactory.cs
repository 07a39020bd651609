using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RuleOfLawPlan.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without running Program (which would start a
/// local PostgreSQL). Adding a migration needs no server.
/// </summary>
public sealed class DesignTimePlanDbFactory : IDesignTimeDbContextFactory<PlanDb>
{
    public PlanDb CreateDbContext(string[] args) => new(PlanDbOptions.Configure(new DbContextOptionsBuilder<PlanDb>(), "Host=design-time").Options);
}
