namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>How a PostgreSQL program ended and what it printed.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => (StandardOutput + "\n" + StandardError).Trim();
}
