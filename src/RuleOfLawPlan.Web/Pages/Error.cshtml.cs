using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace RuleOfLawPlan.Web.Pages;

/// <summary>Shown for unhandled errors and error status codes: a plain Chinese message, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string? RequestId { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Explanation) = code switch
        {
            404 => (l["找不到该页面"], l["您访问的内容不存在或已被删除。"]),
            403 => (l["没有权限"], l["您没有执行此操作的权限。"]),
            400 => (l["请求无效"], l["请求无法处理，请刷新页面后重试。"]),
            429 => (l["操作过于频繁"], l["短时间内的请求次数过多，请稍后再试。"]),
            _ => (l["系统出错了"], l["处理请求时发生错误，已记录日志。请稍后重试，或把请求编号告诉系统管理员。"]),
        };
        if (code is int status) Response.StatusCode = status;
    }
}
