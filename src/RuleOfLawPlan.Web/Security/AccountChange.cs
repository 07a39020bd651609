namespace RuleOfLawPlan.Web.Security;

/// <param name="ConcurrencyStamp">The account's stamp when the form was opened.</param>
/// <param name="LeaderTitles">领导职务 of a leader ("局长、分管副局长"); cleared for other roles.</param>
public sealed record AccountChange(string DisplayName, string Role, int? SectionId, string ConcurrencyStamp, string? LeaderTitles = null);
