using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using RuleOfLawPlan.Web.Requests;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>
/// The filter on its own, for page shapes the app has no example of today (a verb served only by named handlers):
/// MalformedRequestTests covers every real page.
/// </summary>
public sealed class HandlerRequiredFilterTests
{
    private static readonly HandlerMethodDescriptor Get = new() { HttpMethod = "Get", Name = null };
    private static readonly HandlerMethodDescriptor PostDelete = new() { HttpMethod = "Post", Name = "Delete" };

    [Fact]
    public void A_verb_no_handler_serves_is_405_with_the_pages_verbs()
    {
        var context = Executing("PUT", [Get, PostDelete]);

        Filter().OnPageHandlerExecuting(context);

        context.Result.ShouldBeOfType<StatusCodeResult>().StatusCode.ShouldBe(405);
        context.HttpContext.Response.Headers.Allow.ToString().ShouldBe("GET, HEAD, POST");
    }

    [Fact]
    public void A_verb_served_only_by_handlers_of_other_names_is_404()
    {
        var context = Executing("POST", [Get, PostDelete]);

        Filter().OnPageHandlerExecuting(context);

        context.Result.ShouldBeOfType<NotFoundResult>();
    }

    [Fact]
    public void A_page_without_handler_methods_renders_on_get_and_refuses_post()
    {
        var get = Executing("GET", []);
        var post = Executing("POST", []);

        Filter().OnPageHandlerExecuting(get);
        Filter().OnPageHandlerExecuting(post);

        get.Result.ShouldBeNull();
        post.Result.ShouldBeOfType<StatusCodeResult>().StatusCode.ShouldBe(405);
        post.HttpContext.Response.Headers.Allow.ToString().ShouldBe("GET, HEAD");
    }

    private static HandlerRequiredFilter Filter() => new(new NoLocalizer());

    private static PageHandlerExecutingContext Executing(string verb, IList<HandlerMethodDescriptor> handlers)
    {
        var page = new CompiledPageActionDescriptor { HandlerMethods = handlers };
        var http = new DefaultHttpContext { Request = { Method = verb } };
        var pageContext = new PageContext(new ActionContext(http, new RouteData(), page));
        return new PageHandlerExecutingContext(pageContext, [], handlerMethod: null, new Dictionary<string, object?>(), new object());
    }

    private sealed class NoLocalizer : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
