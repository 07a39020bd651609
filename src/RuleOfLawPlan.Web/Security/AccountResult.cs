using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Security;

/// <summary>
/// What an account change came to, as the same outcomes the forms' <see cref="SaveResult"/> has. Unless
/// <see cref="Outcome"/> is <see cref="SaveResult.Saved"/>, nothing was stored. Each error names the field it
/// is about (<see cref="AccountFields"/>, the property names the account forms use), empty for the whole form.
/// </summary>
public sealed record AccountResult(SaveResult Outcome, IReadOnlyList<AccountError> Errors)
{
    public static readonly AccountResult Saved = new(SaveResult.Saved, []);

    public bool Succeeded => Outcome == SaveResult.Saved;

    public static AccountResult Refused(string field, string message) => new(SaveResult.Refused, [new(field, message)]);

    /// <summary>All messages on one line each, for the command line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Errors.Select(e => e.Message));
}
