namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// The machine lacks what the local PostgreSQL needs (server programs, the OS account).
/// The message says in English and Chinese what to install, or how to use an existing server instead.
/// </summary>
public sealed class LocalPostgresUnavailableException(string message) : LocalPostgresException(message);
