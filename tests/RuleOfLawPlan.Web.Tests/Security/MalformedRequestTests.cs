using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using static RuleOfLawPlan.Web.Tests.Security.PermissionMatrixTests;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>
/// Every page handler the app has (<see cref="PermissionMatrixTests"/>' discovery, so a page added later is covered
/// without a list to update), sent what no form of ours sends: a verb the page has no handler for, junk in every
/// field it binds (dates out of range, checkbox values that are not true/false, numbers too big for their type,
/// invisible text), ids too big for an int, an empty body, an oversized field and too many fields. Each is sent as
/// a browser would, by the first identity the permission table lets in (so the handler itself runs) and, for the
/// verbs and junk fields, anonymously. Nothing may answer 5xx, and a 4xx must be the Chinese error page or the
/// form with its Chinese message.
/// </summary>
public sealed class MalformedRequestTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS"];
    private static readonly string[] BodyVerbs = ["POST", "PUT", "DELETE", "PATCH"];

    /// <summary>ASP.NET Core's default limits on a form: FormOptions.ValueLengthLimit and ValueCountLimit.</summary>
    private const int FormValueLengthLimit = 4 * 1024 * 1024;
    private const int FormValueCountLimit = 1024;

    [Fact]
    public async Task A_verb_a_page_has_no_handler_for_is_405_with_allow_and_a_chinese_page()
    {
        var ids = await IdsAsync(app);
        var rows = ReadTable();
        var failures = new List<string>();
        var checkedPages = 0;

        foreach (var (route, page) in await DiscoverPagesAsync(app.Factory.Services))
        {
            var verbs = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).DefaultIfEmpty("GET").ToHashSet();
            var (userName, url) = AllowedIdentity(rows, route, ids);
            var session = await Session.StartAsync(app, userName);
            checkedPages++;
            foreach (var verb in Verbs.Except(verbs))
            {
                var request = Browser(verb, url);
                if (BodyVerbs.Contains(verb)) request.Content = Form(session, []);
                var response = await session.SendAsync(request);
                var what = $"{verb} {url} as {userName ?? "anonymous"}";
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
                    failures.Add($"{what}: expected 405, got {(int)response.StatusCode}");
                var allow = response.Content.Headers.Allow.Select(a => a.ToUpperInvariant()).ToHashSet();
                if (!allow.SetEquals(verbs.Contains("GET") ? [.. verbs, "HEAD"] : verbs))
                    failures.Add($"{what}: Allow is '{string.Join(", ", allow)}', the page has {string.Join(", ", verbs)}");
                failures.AddRange(await NotAChinesePageAsync(what, response));
            }
        }

        checkedPages.ShouldBeGreaterThan(10);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Junk_in_any_field_a_handler_binds_is_refused_in_chinese_and_never_a_500()
    {
        var ids = await IdsAsync(app);
        var rows = ReadTable();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (route, page) in await DiscoverPagesAsync(app.Factory.Services))
        {
            var (userName, url) = AllowedIdentity(rows, route, ids);
            var signedIn = await Session.StartAsync(app, userName);
            var anonymous = await Session.StartAsync(app, null);
            foreach (var handler in Handlers(page))
            {
                var fields = BoundFields(page, handler).ToList();
                foreach (var (name, type) in fields)
                {
                    foreach (var junk in JunkFor(type))
                    {
                        var what = $"{handler.Verb} {url}{handler.Query} {name}={Show(junk)} as {userName ?? "anonymous"}";
                        var response = await signedIn.SendAsync(Request(signedIn, handler, url, [new(name, junk)]));
                        sent++;
                        failures.AddRange(await NotRefusedInChineseAsync(what, response));
                    }
                }

                // Anonymously, every field at once: the sign-in page binds them; elsewhere the challenge must come first.
                for (var i = 0; i < 4; i++)
                {
                    var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, JunkFor(f.Type)[i % JunkFor(f.Type).Count])).ToList();
                    var response = await anonymous.SendAsync(Request(anonymous, handler, url, all));
                    sent++;
                    failures.AddRange(await NotRefusedInChineseAsync($"{handler.Verb} {url}{handler.Query} junk #{i} as anonymous", response));
                }
            }
        }

        sent.ShouldBeGreaterThan(100);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_id_that_is_not_a_row_is_404_however_big_or_odd()
    {
        var ids = await IdsAsync(app);
        var rows = ReadTable();
        var failures = new List<string>();

        foreach (var (route, page) in await DiscoverPagesAsync(app.Factory.Services))
        {
            if (!route.Contains("{id}", StringComparison.Ordinal)) continue;
            var (userName, _) = AllowedIdentity(rows, route, ids);
            var session = await Session.StartAsync(app, userName);
            foreach (var handler in Handlers(page))
            {
                foreach (var id in new[] { "99999999999", "2147483648", "-1", "0", "1.5", "abc", "%E4%B8%AD" })
                {
                    var url = route.Replace("{id}", id, StringComparison.Ordinal);
                    var response = await session.SendAsync(Request(session, handler, url, []));
                    var what = $"{handler.Verb} {url}{handler.Query} as {userName}";
                    if (response.StatusCode != HttpStatusCode.NotFound)
                        failures.Add($"{what}: expected 404, got {(int)response.StatusCode}");
                    failures.AddRange(await NotAChinesePageAsync(what, response));
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_unparsable_oversized_or_overfull_form_is_refused_in_chinese()
    {
        var ids = await IdsAsync(app);
        var rows = ReadTable();
        var failures = new List<string>();
        var oversized = new string('x', FormValueLengthLimit + 1);
        var overfull = Enumerable.Range(0, FormValueCountLimit + 1).Select(i => new KeyValuePair<string, string>($"f{i}", "x")).ToList();

        foreach (var (route, page) in await DiscoverPagesAsync(app.Factory.Services))
        {
            var (userName, url) = AllowedIdentity(rows, route, ids);
            var session = await Session.StartAsync(app, userName);
            foreach (var handler in Handlers(page).Where(h => h.Verb == "POST"))
            {
                var target = url + handler.Query;
                var what = $"POST {target} as {userName ?? "anonymous"}";

                var noBody = await session.SendAsync(Browser("POST", target));
                failures.AddRange(await NotRefusedInChineseAsync($"{what} with no body", noBody));
                if ((int)noBody.StatusCode is < 400 or >= 500) failures.Add($"{what} with no body: expected 400, got {(int)noBody.StatusCode}");

                var tokenOnly = Browser("POST", target);
                tokenOnly.Content = Form(session, []);
                failures.AddRange(await NotRefusedInChineseAsync($"{what} with only the token", await session.SendAsync(tokenOnly)));

                var big = Browser("POST", target);
                big.Content = Form(session, [new("Form.Name", oversized)]);
                var bigResponse = await session.SendAsync(big);
                if (bigResponse.StatusCode != HttpStatusCode.RequestEntityTooLarge)
                    failures.Add($"{what} with a {oversized.Length}-character field: expected 413, got {(int)bigResponse.StatusCode}");
                failures.AddRange(await NotAChinesePageAsync($"{what} with an oversized field", bigResponse, "提交的内容过大"));

                var unparsable = Browser("POST", target);
                unparsable.Content = new StringContent("--x\r\nnot a part", Encoding.UTF8);
                unparsable.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
                var unparsableResponse = await session.SendAsync(unparsable);
                if (unparsableResponse.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"{what} with a multipart body without a boundary: expected 400, got {(int)unparsableResponse.StatusCode}");
                failures.AddRange(await NotAChinesePageAsync($"{what} with a multipart body without a boundary", unparsableResponse));

                var many = Browser("POST", target);
                many.Content = Form(session, overfull);
                var manyResponse = await session.SendAsync(many);
                if (manyResponse.StatusCode != HttpStatusCode.RequestEntityTooLarge)
                    failures.Add($"{what} with {overfull.Count} fields: expected 413, got {(int)manyResponse.StatusCode}");
                failures.AddRange(await NotAChinesePageAsync($"{what} with too many fields", manyResponse, "提交的内容过大"));
            }
        }

        failures.ShouldBeEmpty();
    }

    private sealed record HandlerCall(string Verb, string? Name, HandlerMethodDescriptor? Method)
    {
        public string Query => string.IsNullOrEmpty(Name) ? "" : "?handler=" + Uri.EscapeDataString(Name);
    }

    private static IEnumerable<HandlerCall> Handlers(CompiledPageActionDescriptor page) =>
        page.HandlerMethods.Count == 0
            ? [new HandlerCall("GET", null, null)]
            : page.HandlerMethods.Select(h => new HandlerCall(h.HttpMethod.ToUpperInvariant(), h.Name, h));

    /// <summary>
    /// The first identity the permission table lets through to the page (anonymous for a page no one may open, like
    /// the error page asked for directly), and the page's URL for it.
    /// </summary>
    private static (string? UserName, string Url) AllowedIdentity(IReadOnlyList<Row> rows, string route, Ids ids)
    {
        var row = rows.First(r => string.Equals(r.Handler.Route, route, StringComparison.OrdinalIgnoreCase));
        var (userName, _) = Identities.FirstOrDefault(i => row.Expected[i.Column] is "ok" or "own" or "lead");
        return (userName, ids.Url(route, userName, ownTask: true));
    }

    /// <summary>
    /// The request fields a handler binds, by the names a form uses ("Form.Deadline", "Query.From"): the page's bound
    /// properties (on GET only those that support it) and the handler's own parameters, expanded to their leaf values.
    /// Route values, services and the cancellation token are not fields.
    /// </summary>
    private static IEnumerable<(string Name, Type Type)> BoundFields(CompiledPageActionDescriptor page, HandlerCall handler)
    {
        var routeValues = page.RouteValues.Keys.Concat(page.AttributeRouteInfo?.Template is { } t ? RouteNames(t) : []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // [BindProperty] without SupportsGet binds only other verbs: its request predicate says so.
        var request = new ActionContext(new DefaultHttpContext { Request = { Method = handler.Verb } }, new RouteData(), page);
        var properties = page.BoundProperties.Where(p => p.BindingInfo?.RequestPredicate?.Invoke(request) != false);
        var parameters = handler.Method?.Parameters.Cast<ParameterDescriptor>() ?? [];
        return properties.Concat(parameters)
            .Where(p => p.BindingInfo?.BindingSource is not { } source || source.IsFromRequest && source != BindingSource.Body)
            .Where(p => p.ParameterType != typeof(CancellationToken) && !routeValues.Contains(p.Name))
            .SelectMany(p => Leaves(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, depth: 0));
    }

    private static IEnumerable<string> RouteNames(string template) =>
        template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}', '*').Split(':', '=', '?')[0]);

    private static IEnumerable<(string Name, Type Type)> Leaves(string name, Type type, int depth)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(plain))
        {
            yield return (name, plain);
            yield break;
        }
        if (typeof(IEnumerable).IsAssignableFrom(plain))
        {
            var element = plain.IsArray ? plain.GetElementType()! : plain.GetGenericArguments().FirstOrDefault();
            if (element is not null && IsLeaf(Nullable.GetUnderlyingType(element) ?? element)) yield return (name, Nullable.GetUnderlyingType(element) ?? element);
            yield break;
        }
        if (depth > 2) yield break;
        foreach (var property in plain.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            foreach (var leaf in Leaves($"{name}.{property.Name}", property.PropertyType, depth + 1))
                yield return leaf;
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(Guid);

    /// <summary>Values no form of ours sends for a field of this type.</summary>
    private static IReadOnlyList<string> JunkFor(Type type) => type switch
    {
        _ when type == typeof(bool) => ["maybe", "yes", "on", "1", ""],
        _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) =>
            ["0001-01-01", "9999-12-31", "2023-02-30", "yesterday", "-1"],
        _ when type.IsEnum => ["999", "-1", "Nope", ""],
        _ when type == typeof(string) => ["\u200b\u200b", "\u202e", "\u0001\u001f\u007f", new string('长', 5_000), "<script>alert(1)</script>"],
        _ when type.IsPrimitive || type == typeof(decimal) => ["99999999999", "-99999999999", "-1", "1e3", "abc", ""],
        _ => ["x", ""],
    };

    private static HttpRequestMessage Request(Session session, HandlerCall handler, string url, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        if (handler.Verb == "GET")
        {
            var query = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
            var separator = handler.Query.Length > 0 ? "&" : "?";
            return Browser("GET", url + handler.Query + (query.Length > 0 ? separator + query : ""));
        }
        var request = Browser(handler.Verb, url + handler.Query);
        request.Content = Form(session, fields);
        return request;
    }

    private static FormUrlEncodedContent Form(Session session, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        new([.. fields, new("__RequestVerificationToken", session.Token)]);

    private static HttpRequestMessage Browser(string verb, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(verb), url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        return request;
    }

    /// <summary>No 5xx; a 4xx is a Chinese page (the error page, or the form with its message).</summary>
    private static async Task<IEnumerable<string>> NotRefusedInChineseAsync(string what, HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 ? [$"{what}: {(int)response.StatusCode}"]
        : (int)response.StatusCode >= 400 ? await NotAChinesePageAsync(what, response)
        : [];

    private static async Task<IEnumerable<string>> NotAChinesePageAsync(string what, HttpResponseMessage response, string? mustSay = null)
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
            return [$"{what}: {status} is not an HTML page ({response.Content.Headers.ContentType})"];
        var page = await response.HtmlAsync();
        var heading = page.QuerySelector("h1")?.TextContent ?? "";
        var problems = new List<string>();
        if (page.DocumentElement.GetAttribute("lang") != "zh-CN") problems.Add($"{what}: {status} page is not zh-CN");
        if (!heading.Any(c => c is >= '\u4e00' and <= '\u9fff')) problems.Add($"{what}: {status} page's heading '{heading}' is not Chinese");
        if (mustSay is not null && !page.Body!.TextContent.Contains(mustSay, StringComparison.Ordinal)) problems.Add($"{what}: {status} page does not say {mustSay}");
        return problems;
    }

    private static string Show(string value) =>
        value.Length > 40 ? $"<{value.Length} chars>"
        : string.Concat(value.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:x4}" : c.ToString()));
}
