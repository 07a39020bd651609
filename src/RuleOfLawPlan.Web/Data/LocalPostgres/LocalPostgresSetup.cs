namespace RuleOfLawPlan.Web.Data.LocalPostgres;

public static class LocalPostgresSetup
{
    public const string ConnectionStringName = "Plan";

    /// <summary>
    /// Makes <c>ConnectionStrings:Plan</c> usable. When it is configured, nothing else happens. Otherwise the
    /// local PostgreSQL (section <c>LocalPostgres</c>) is started now, before <c>Build()</c>, so everything
    /// registered afterwards reads a real connection string; it is stopped when the host stops.
    /// </summary>
    /// <param name="loggerFactory">For start-up messages, as the host's logging does not exist yet; console when null.</param>
    public static TBuilder AddPlanDatabaseConnection<TBuilder>(this TBuilder builder, ILoggerFactory? loggerFactory = null)
        where TBuilder : IHostApplicationBuilder
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName))) return builder;

        var options = builder.Configuration.GetSection(LocalPostgresOptions.SectionName).Get<LocalPostgresOptions>() ?? new();
        // Not disposed: the server logs through it until it stops, at the very end of the process.
        loggerFactory ??= LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggerFactory.CreateLogger<LocalPostgresServer>();

        // Synchronous on purpose: Program.cs configures services from the connection string before Build().
        var server = LocalPostgresServer.StartAsync(options, logger).GetAwaiter().GetResult();
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = server.ConnectionString;

        // A factory registration, so the container also disposes (stops) it if the host never starts.
        // Ctrl+C or SIGTERM before the host runs (while migrating or seeding) must not leave it behind
        // either; stopping is idempotent, so the normal shutdown path makes this a no-op.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        builder.Services.AddSingleton(_ => server);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        return builder;
    }
}
