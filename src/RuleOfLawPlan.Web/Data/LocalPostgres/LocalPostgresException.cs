namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>The local PostgreSQL could not be set up, started or stopped.</summary>
public class LocalPostgresException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The machine lacks what the local PostgreSQL needs (server programs, the OS account).
/// The message says in English and Chinese what to install, or how to use an existing server instead.
/// </summary>
public sealed class LocalPostgresUnavailableException(string message) : LocalPostgresException(message);
