namespace RuleOfLawPlan.Web;

/// <summary>
/// Marker for the shared UI strings. Keys are the Chinese text itself (zh-CN is the default culture
/// and needs no resource file); Resources/SharedResource.en-US.resx holds the English.
/// </summary>
public sealed class SharedResource;
