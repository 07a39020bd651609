using Microsoft.EntityFrameworkCore;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Tests.Infrastructure;

/// <summary>Looks up the seeded 2023 plan's tasks and sections, and reads what the app stored.</summary>
public static class PlanData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> TaskIdAsync(this AppFixture app, int area, int? number)
    {
        await using var db = app.CreateDb();
        return await db.Tasks.Where(t => t.Area.Ordinal == area && t.Number == number).Select(t => t.Id).SingleAsync(Ct);
    }

    public static async Task<int> SectionIdAsync(this AppFixture app, string name)
    {
        await using var db = app.CreateDb();
        return await db.Sections.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
    }

    public static async Task<PlanTask> TaskAsync(this AppFixture app, int id)
    {
        await using var db = app.CreateDb();
        return await db.Tasks.AsNoTracking().Include(t => t.Supports).SingleAsync(t => t.Id == id, Ct);
    }

    public static async Task<int> UpdateCountAsync(this AppFixture app, int taskId)
    {
        await using var db = app.CreateDb();
        return await db.ProgressUpdates.CountAsync(u => u.PlanTaskId == taskId, Ct);
    }

    public static async Task<long> AuditCountAsync(this AppFixture app)
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.LongCountAsync(Ct);
    }

    public static async Task<uint> TaskVersionAsync(this AppFixture app, int id) => (await app.TaskAsync(id)).Version;

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(Ct);
}

/// <summary>
/// One signed-in client per user and fixture, and one form token per client: the login page that hands out
/// tokens is rate-limited (20 a minute per address), so tests that post a lot must not ask it every time.
/// </summary>
public static class Clients
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFixture, Dictionary<string, HttpClient>> SignedIn = [];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, string> Tokens = [];

    public static async Task<HttpClient> UserAsync(this AppFixture app, string userName)
    {
        var clients = SignedIn.GetOrCreateValue(app);
        if (!clients.TryGetValue(userName, out var client))
        {
            client = await app.SignInAsAsync(userName);
            clients[userName] = client;
        }
        return client;
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, bool withAntiforgery = true)
    {
        var values = fields.ToList();
        if (withAntiforgery)
        {
            if (!Tokens.TryGetValue(client, out var token))
            {
                token = await client.AntiforgeryTokenAsync();
                Tokens.AddOrUpdate(client, token);
            }
            values.Add(new("__RequestVerificationToken", token));
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }
}
