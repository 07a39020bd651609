namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// Settings for the PostgreSQL the app runs itself when no <c>ConnectionStrings:Plan</c> is configured.
/// Bound from the <c>LocalPostgres</c> configuration section; every value has a working default.
/// </summary>
public sealed record LocalPostgresOptions
{
    public const string SectionName = "LocalPostgres";

    /// <summary>Cluster directory. Null picks a per-user default, see <see cref="LocalPostgresPaths.DefaultDataDirectory"/>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Folder holding pg_ctl, initdb and postgres. When set, nothing else is searched.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>OS account that runs the server when the app runs as root (PostgreSQL refuses uid 0).</summary>
    public string OsUser { get; init; } = "postgres";

    /// <summary>Database the app uses; created on first start.</summary>
    public string DatabaseName { get; init; } = "ruleoflawplan";

    /// <summary>Superuser role created by initdb; the app connects as this role.</summary>
    public string UserName { get; init; } = "ruleoflawplan";

    /// <summary>Only names the socket file (.s.PGSQL.&lt;port&gt;): nothing listens on the network.</summary>
    public int Port { get; init; } = 5432;

    /// <summary>A cluster for tests: fsync and synchronous commit off. Never for data a user keeps.</summary>
    public bool Throwaway { get; init; }

    /// <summary>Upper bound for each pg_ctl/initdb call.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
