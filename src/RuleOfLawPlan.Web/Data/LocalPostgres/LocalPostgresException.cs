namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>The local PostgreSQL could not be set up, started or stopped.</summary>
public class LocalPostgresException(string message, Exception? inner = null) : Exception(message, inner);
