namespace RuleOfLawPlan.Domain.Plans;

/// <summary>审核状态 of a progress update: 待审核 → 已采纳 | 已退回, decided once by the office.</summary>
public enum ReviewState
{
    /// <summary>待审核: reported, not yet looked at; it does not move any figure.</summary>
    Pending = 1,
    /// <summary>已采纳: the office accepted it; it may now be the section's figure.</summary>
    Accepted = 2,
    /// <summary>已退回: the office sent it back with a comment; the section corrects it with a new update.</summary>
    Returned = 3,
}
