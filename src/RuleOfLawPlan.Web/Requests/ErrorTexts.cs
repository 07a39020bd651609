using Microsoft.Extensions.Localization;

namespace RuleOfLawPlan.Web.Requests;

/// <summary>What an error status means to the person who met it: the error page and ProblemDetails say the same.</summary>
public static class ErrorTexts
{
    public static (string Title, string Detail) For(int status, IStringLocalizer l) => status switch
    {
        400 => (l["请求无效"], l["请求无法处理，请刷新页面后重试。"]),
        403 => (l["没有权限"], l["您没有执行此操作的权限。"]),
        404 => (l["找不到该页面"], l["您访问的内容不存在或已被删除。"]),
        405 => (l["不支持此操作"], l["此页面不接受这种请求方式，请通过页面上的按钮或链接操作。"]),
        413 => (l["提交的内容过大"], l["提交的内容超过了系统允许的大小或项数，请精简后重试。"]),
        414 => (l["网址过长"], l["网址超过了系统允许的长度，请通过页面上的链接访问。"]),
        429 => (l["操作过于频繁"], l["短时间内的请求次数过多，请稍后再试。"]),
        431 => (l["请求头过大"], l["请求头超过了系统允许的大小，请清除本网站的 Cookie 后重试。"]),
        >= 400 and < 500 => (l["请求无效"], l["请求无法处理，请刷新页面后重试。"]),
        _ => (l["系统出错了"], l["处理请求时发生错误，已记录日志。请稍后重试，或把请求编号告诉系统管理员。"]),
    };
}
