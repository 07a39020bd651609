namespace RuleOfLawPlan.Web.Security;

/// <param name="ConcurrencyStamp">The account's stamp when the form was opened.</param>
public sealed record AccountChange(string DisplayName, string Role, int? SectionId, string ConcurrencyStamp);
