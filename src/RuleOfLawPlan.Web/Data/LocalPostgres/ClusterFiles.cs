namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>The files in a data directory that the app looks at or writes, besides PostgreSQL's own data.</summary>
internal static class ClusterFiles
{
    public const string SettingsFileName = "ruleoflawplan.conf";

    /// <summary>Written by initdb: its presence is what makes a folder a cluster.</summary>
    public static string Version(string dataDirectory) => Path.Combine(dataDirectory, "PG_VERSION");

    public static string PostgresqlConf(string dataDirectory) => Path.Combine(dataDirectory, "postgresql.conf");

    /// <summary>The app's settings, rewritten at every start.</summary>
    public static string Settings(string dataDirectory) => Path.Combine(dataDirectory, SettingsFileName);

    /// <summary>Present while a postmaster runs (or after one died): pid, data dir, start time, port, socket dir, ….</summary>
    public static string Pid(string dataDirectory) => Path.Combine(dataDirectory, "postmaster.pid");

    /// <summary>The pid of the app process that started or adopted the server.</summary>
    public static string Owner(string dataDirectory) => Path.Combine(dataDirectory, "ruleoflawplan.owner");

    /// <summary>The server's log (pg_ctl -l).</summary>
    public static string Log(string dataDirectory) => Path.Combine(dataDirectory, "postgresql.log");
}
