using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleOfLawPlan.Domain.Organizations;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Security;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>
/// Every Razor page handler the app has, requested as every role, against the page table of docs/permissions.md.
/// <list type="bullet">
/// <item>Handlers are discovered from the app's endpoints (each page's <see cref="CompiledPageActionDescriptor.HandlerMethods"/>;
/// a page without handler methods answers GET). A page is named by its shortest route, so Index is "/".</item>
/// <item>Outcomes: <c>login</c> = 302 to /account/login carrying a ReturnUrl (the cookie challenge); <c>403</c> = 403;
/// <c>ok</c> = anything else below 500 except 401, 404 and 429: 2xx, 3xx (a redirect after a change, or sign-out's
/// plain redirect to the login page), or 400 from a handler that rejected the empty form.
/// <c>own</c> = ok for a task the user's section leads or supports, 403 for another section's task; both are tried.
/// <c>lead</c> = ok for a task the user's section leads, 403 for another section's task and for one it only supports:
/// <c>section</c> leads its task, <c>section2</c> only supports its own, so both of its tries are 403.
/// <c>404</c> = 404 (the error page, asked for directly).</item>
/// <item>Route values: <c>{id}</c> under /plans is the 2023 plan; under /tasks a task — (六).1, led by 综合执法科
/// (<c>section</c>), or (七).1, supported by 市容环境卫生管理科 (<c>section2</c>); for <c>own</c> cells each section head also gets
/// the other's task, and (七).2 when that is the other; <c>{kpiId}</c> is a KPI of (六).1 (another task's URL with it is refused
/// before the KPI is looked at); under /activities an entry of the 2023 plan's register made for this test, with <c>{fileId}</c> its
/// file; under /admin/users a Viewer made for this test; under
/// /admin/sections a section made for this test; under /evidence a file of an update on (六).1 made for this test; under /audit the first
/// audit entry. Any other route value fails the test until a convention is added here.</item>
/// <item>POSTs carry a valid antiforgery token and no other fields: an allowed POST therefore either fails validation
/// or acts on the test's own user/section. The class has a database of its own.</item>
/// </list>
/// </summary>
public sealed partial class PermissionMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static readonly (string? UserName, string Column)[] Identities =
    [
        ("admin", "Admin"), ("leader", "Leader"), ("office", "Office"), ("section", "SectionHead"),
        ("section2", "SectionHead"), ("viewer", "Viewer"), (null, "Anonymous"),
    ];

    public sealed record Handler(string Route, string Method, string Name)
    {
        public override string ToString() => $"{Method} {Route}" + (Name.Length > 0 ? $" ?handler={Name}" : "");
    }

    public sealed record Row(Handler Handler, IReadOnlyDictionary<string, string> Expected);

    [Fact]
    public async Task Every_discovered_handler_has_a_row_and_every_row_names_a_handler()
    {
        var discovered = await DiscoverAsync(app.Factory.Services);
        var rows = ReadTable();

        discovered.ShouldContain(h => h.Route == "/" && h.Method == "GET", "discovery found the home page");
        var missing = discovered.Where(h => !rows.Any(r => Same(r.Handler, h))).ToList();
        var unknown = rows.Where(r => !discovered.Any(h => Same(r.Handler, h))).Select(r => r.Handler).ToList();
        var duplicates = rows.GroupBy(r => r.Handler.ToString().ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        missing.ShouldBeEmpty("handlers without a row in docs/permissions.md");
        unknown.ShouldBeEmpty("rows in docs/permissions.md for handlers the app does not have");
        duplicates.ShouldBeEmpty("rows listed twice in docs/permissions.md");
    }

    [Fact]
    public async Task Every_role_gets_exactly_what_the_table_says()
    {
        var discovered = await DiscoverAsync(app.Factory.Services);
        var rows = ReadTable().Where(r => discovered.Any(h => Same(r.Handler, h))).ToList();
        var ids = await IdsAsync();
        var failures = new List<string>();

        foreach (var (userName, column) in Identities)
        {
            var session = await Session.StartAsync(app, userName);
            foreach (var row in rows)
            {
                var expected = row.Expected[column];
                var cases = expected switch
                {
                    "own" => [(ids.Url(row.Handler.Route, userName, ownTask: true), "ok"), (ids.Url(row.Handler.Route, userName, ownTask: false), "403")],
                    "lead" => [(ids.Url(row.Handler.Route, userName, ownTask: true), Ids.LeadsOwnTask(userName) ? "ok" : "403"),
                        (ids.Url(row.Handler.Route, userName, ownTask: false), "403")],
                    _ => new[] { (ids.Url(row.Handler.Route, userName, ownTask: true), expected) },
                };
                foreach (var (url, want) in cases)
                {
                    var actual = Classify(await session.SendAsync(row.Handler, url));
                    if (actual != want)
                        failures.Add($"{row.Handler} as {userName ?? "anonymous"} ({url}): expected {want}, got {actual}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static bool Same(Handler a, Handler b) =>
        string.Equals(a.Route, b.Route, StringComparison.OrdinalIgnoreCase)
        && a.Method == b.Method
        && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static string Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb
            && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
            if (target.AbsolutePath.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
                && target.Query.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase))
            {
                return "login";
            }
        }
        return status switch
        {
            403 => "403",
            401 or 404 or 429 or >= 500 => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "ok",
        };
    }

    /// <summary>The app's page handlers, from its endpoints: (route, HTTP method, handler name).</summary>
    public static async Task<IReadOnlyList<Handler>> DiscoverAsync(IServiceProvider services)
    {
        var handlers = new List<Handler>();
        foreach (var (route, compiled) in await DiscoverPagesAsync(services))
        {
            if (compiled.HandlerMethods.Count == 0)
                handlers.Add(new Handler(route, "GET", ""));
            handlers.AddRange(compiled.HandlerMethods.Select(m => new Handler(route, m.HttpMethod.ToUpperInvariant(), m.Name ?? "")));
        }
        return handlers.Distinct().ToList();
    }

    /// <summary>The app's Razor pages, each by its shortest route ("/plans/{id}") with its handlers and bound properties.</summary>
    public static async Task<IReadOnlyList<(string Route, CompiledPageActionDescriptor Page)>> DiscoverPagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .GroupBy(x => x.Page!.RelativePath);

        var discovered = new List<(string, CompiledPageActionDescriptor)>();
        foreach (var page in pages)
        {
            var (endpoint, descriptor) = page.OrderBy(x => x.Endpoint.RoutePattern.RawText?.Length ?? 0).First();
            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor!, endpoint.Metadata);
            discovered.Add((Normalize(endpoint.RoutePattern.RawText ?? ""), compiled));
        }
        return discovered;
    }

    /// <summary>"plans/{id:int}" → "/plans/{id}".</summary>
    private static string Normalize(string route) => "/" + RouteParameter().Replace(route.Trim('/'), m => "{" + m.Groups[1].Value + "}");

    [GeneratedRegex(@"\{\*{0,2}(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>The rows between the permission-matrix markers of docs/permissions.md.</summary>
    public static IReadOnlyList<Row> ReadTable()
    {
        var text = File.ReadAllText(PermissionsFile());
        var start = text.IndexOf("<!-- permission-matrix:start -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- permission-matrix:end -->", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidOperationException("docs/permissions.md has no permission-matrix markers");
        var lines = text[start..end].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|')).ToList();
        var header = Cells(lines[0]);
        string[] needed = ["Page", "Method", "Handler", .. Identities.Select(i => i.Column).Distinct()];
        foreach (var column in needed)
            header.ShouldContain(column, $"docs/permissions.md table column {column}");

        var rows = new List<Row>();
        foreach (var line in lines.Skip(2))
        {
            var cells = Cells(line);
            string Cell(string column) => cells[header.IndexOf(column)];
            var expected = Identities.Select(i => i.Column).Distinct().ToDictionary(c => c, Cell);
            foreach (var (column, value) in expected)
                value.ShouldBeOneOf(["ok", "403", "login", "own", "lead", "404"], $"{line}: {column}");
            rows.Add(new Row(new Handler(Normalize(Cell("Page")), Cell("Method").ToUpperInvariant(), Cell("Handler")), expected));
        }
        return rows;
    }

    private static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`').Trim()).ToList();

    private static string PermissionsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "permissions.md");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("docs/permissions.md not found above " + AppContext.BaseDirectory);
    }

    internal sealed record Ids(int PlanId, int EnforcementTask, int SanitationTask, int UnrelatedTask, string UserId, int SectionId, long AuditEntryId,
        int EnforcementKpi, long EvidenceFileId, int ActivityId, long ActivityFileId)
    {
        public string Url(string route, string? userName, bool ownTask) =>
            RouteParameter().Replace(route, m => m.Groups[1].Value switch
            {
                "id" => Id(route, userName, ownTask),
                "kpiId" => EnforcementKpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "fileId" => ActivityFileId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Unknown(route),
            });

        /// <summary>Whether the task a user's "own" cell is tried on is one its section leads: 市容环境卫生管理科 only supports (七).1.</summary>
        public static bool LeadsOwnTask(string? userName) => userName != "section2";

        private string Id(string route, string? userName, bool ownTask)
        {
            if (route.StartsWith("/plans/", StringComparison.OrdinalIgnoreCase)) return PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (route.StartsWith("/tasks/", StringComparison.OrdinalIgnoreCase))
            {
                var task = (userName, ownTask) switch
                {
                    ("section2", true) => SanitationTask,
                    ("section2", false) => EnforcementTask,
                    ("section", false) => UnrelatedTask,
                    _ => EnforcementTask,
                };
                return task.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (route.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase)) return UserId;
            if (route.StartsWith("/admin/sections/", StringComparison.OrdinalIgnoreCase)) return SectionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (route.StartsWith("/audit/", StringComparison.OrdinalIgnoreCase)) return AuditEntryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (route.StartsWith("/activities/", StringComparison.OrdinalIgnoreCase)) return ActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (route.StartsWith("/evidence/", StringComparison.OrdinalIgnoreCase)) return EvidenceFileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Unknown(route);
        }

        private static string Unknown(string route) =>
            throw new InvalidOperationException($"No convention for the route values of {route}: add one to PermissionMatrixTests.Ids");
    }

    private Task<Ids> IdsAsync() => IdsAsync(app);

    /// <summary>The route values the table's cells are checked with; the class's own user and section are made once per database.</summary>
    internal static async Task<Ids> IdsAsync(AppFixture app)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("matrix-target") is null)
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewAccount("matrix-target", "权限矩阵测试", Roles.Viewer, SectionId: null, "Matrix2024x"), Ct);
            created.Succeeded.ShouldBeTrue();
        }
        var target = (await users.FindByNameAsync("matrix-target"))!;

        await using var db = app.CreateDb();
        var organizationId = await db.Organizations.Select(o => o.Id).FirstAsync(Ct);
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Name == "权限矩阵测试科", Ct);
        if (section is null)
        {
            section = new Section(organizationId, "权限矩阵测试科", SectionKind.Other, 9999);
            db.Sections.Add(section);
            await db.SaveChangesAsync(Ct);
        }

        var planId = await db.Plans.Where(p => p.Title.StartsWith(DatabaseSetup.BureauName)).Select(p => p.Id).FirstAsync(Ct);
        async Task<int> Task(int area, int number) => await db.Tasks
            .Where(t => t.Area.WorkPlanId == planId && t.Area.Ordinal == area && t.Number == number).Select(t => t.Id).FirstAsync(Ct);
        var auditEntryId = await db.AuditEntries.MinAsync(e => e.Id, Ct);
        var enforcementTask = await Task(6, 1);
        var enforcementKpi = await db.Kpis.Where(k => k.PlanTaskId == enforcementTask).MinAsync(k => k.Id, Ct);
        var evidenceFileId = await db.EvidenceFiles.Where(f => f.PlanTaskId == enforcementTask).Select(f => (long?)f.Id).MinAsync(Ct)
            ?? await app.NewEvidenceAsync(enforcementTask, "权限矩阵测试.pdf", EvidenceSamples.Pdf());
        var activity = await db.LeadershipActivities.Where(a => a.Title == "权限矩阵测试会议")
            .Select(a => new { a.Id, FileId = a.Evidence.Min(f => (long?)f.Id) }).FirstOrDefaultAsync(Ct);
        var (activityId, activityFileId) = activity is { FileId: long fileId } ? (activity.Id, fileId)
            : await app.NewActivityAsync(planId, "权限矩阵测试会议", fileName: "权限矩阵测试纪要.pdf");
        return new Ids(planId, enforcementTask, await Task(7, 1), await Task(7, 2), target.Id, section.Id, auditEntryId, enforcementKpi,
            evidenceFileId, activityId, activityFileId);
    }

    /// <summary>One identity's client; signs in again if a request (sign-out) ended its session.</summary>
    internal sealed class Session
    {
        private readonly AppFixture _app;
        private readonly string? _userName;
        private HttpClient _client = null!;
        private string _token = "";

        private Session(AppFixture app, string? userName)
        {
            _app = app;
            _userName = userName;
        }

        public static async Task<Session> StartAsync(AppFixture app, string? userName)
        {
            var session = new Session(app, userName);
            await session.ConnectAsync();
            return session;
        }

        private async Task ConnectAsync()
        {
            _client = _userName is null ? _app.CreateClient() : await _app.SignInAsAsync(_userName);
            _token = await _client.AntiforgeryTokenAsync();
        }

        public Task<HttpResponseMessage> SendAsync(Handler handler, string url)
        {
            if (handler.Name.Length > 0) url += "?handler=" + Uri.EscapeDataString(handler.Name);
            var request = new HttpRequestMessage(new HttpMethod(handler.Method), url);
            if (!HttpMethods.IsGet(handler.Method) && !HttpMethods.IsHead(handler.Method))
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = _token });
            return SendAsync(request);
        }

        /// <summary>The user's antiforgery token, for forms that carry it.</summary>
        public string Token => _token;

        /// <summary>Sends the request as this identity (and disposes it).</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            using var _ = request;
            var response = await _client.SendAsync(request, Ct);
            if (_userName is not null && response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith("rolp.auth=;", StringComparison.Ordinal)))
            {
                await ConnectAsync();
            }
            return response;
        }
    }
}
