namespace RuleOfLawPlan.Domain.Plans;

/// <summary>What the plan asks to be done to a named document (《…》).</summary>
public enum DeliverableAction
{
    /// <summary>修改 / 修订: revise an existing regulation or document.</summary>
    Revise = 1,
    /// <summary>起草 / 出台 / 制定: draft and issue a new one.</summary>
    Draft = 2,
}
