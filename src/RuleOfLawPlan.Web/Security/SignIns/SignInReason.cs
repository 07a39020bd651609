namespace RuleOfLawPlan.Web.Security.SignIns;

public enum SignInReason
{
    None,
    WrongPassword,
    UnknownUser,
    Disabled,
    TooManyFailures,
    TooManyFailuresFromAddress,
    /// <summary>A wrong current password on the 修改密码 page.</summary>
    WrongCurrentPassword,
    PasswordReset,
    Unlocked,
}
