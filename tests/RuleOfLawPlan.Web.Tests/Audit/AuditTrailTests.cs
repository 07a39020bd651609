using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RuleOfLawPlan.Domain.Plans;
using RuleOfLawPlan.Web.Data;
using RuleOfLawPlan.Web.Data.Audit;

namespace RuleOfLawPlan.Web.Tests.Audit;

/// <summary>
/// "Every change made through the app has a matching audit entry": each kind of change the app offers is made
/// over HTTP between two snapshots of every audited table; every inserted, deleted or changed row must have
/// exactly one new entry, with its key, and before/after values equal to the row's old and new columns.
/// </summary>
public sealed class AuditTrailTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Changes =>
    [
        "lead progress", "supporting progress", "instruction", "assignment", "close plan", "reopen plan",
        "section create", "section edit", "user create", "user disable",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Every_change_made_through_the_app_has_one_matching_audit_entry_per_changed_row(string change)
    {
        var act = await PrepareAsync(change);
        var before = await SnapshotAsync();
        var lastEntry = await LastEntryIdAsync();

        var response = await act();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, change);

        var after = await SnapshotAsync();
        await using var db = app.CreateDb();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Id > lastEntry).ToListAsync(Ct);
        var expected = 0;
        foreach (var (type, rowsAfter) in after)
        {
            var rowsBefore = before[type];
            foreach (var (key, row) in rowsAfter.Where(r => !rowsBefore.ContainsKey(r.Key)))
            {
                expected++;
                var entry = Single(entries, type, key, AuditAction.Insert);
                entry.Before.ShouldBeNull();
                Matches(type, entry.After, row, row.Keys);
            }
            foreach (var (key, row) in rowsBefore.Where(r => !rowsAfter.ContainsKey(r.Key)))
            {
                expected++;
                var entry = Single(entries, type, key, AuditAction.Delete);
                Matches(type, entry.Before, row, row.Keys);
            }
            foreach (var (key, row) in rowsAfter.Where(r => rowsBefore.ContainsKey(r.Key)))
            {
                var old = rowsBefore[key];
                var changed = row.Keys.Where(p => old[p] != row[p]).ToList();
                if (changed.Count == 0) continue;
                expected++;
                var entry = Single(entries, type, key, AuditAction.Update);
                Matches(type, entry.Before, old, changed);
                Matches(type, entry.After, row, changed);
            }
        }
        expected.ShouldBeGreaterThan(0, change);
        entries.Count.ShouldBe(expected, $"{change}: one entry per changed row, and no others");
        entries.ShouldAllBe(e => e.UserId != null && e.UserName != "system");
        entries.Select(e => e.ChangeSetId).Distinct().Count().ShouldBe(1, $"{change}: one request, one change set");
    }

    private async Task<Func<Task<HttpResponseMessage>>> PrepareAsync(string change)
    {
        // Each case stands alone, whatever order the cases run in: only reopening starts from a closed plan.
        await EnsurePlanStatusAsync(change == "reopen plan" ? PlanStatus.Closed : PlanStatus.Active);
        var culture = CultureInfo.InvariantCulture;
        switch (change)
        {
            case "lead progress":
            case "supporting progress":
            {
                var (user, taskId) = change == "lead progress" ? ("section", await app.NewTaskAsync()) : ("section2", await app.NewTaskAsync(supporting: ["市容环境卫生管理科"]));
                var client = await app.UserAsync(user);
                var version = (await app.TaskVersionAsync(taskId)).ToString(culture);
                return () => client.PostFormAsync($"/tasks/{taskId}/progress", new Dictionary<string, string>
                {
                    ["Form.Percent"] = "35", ["Form.AsOf"] = "2023-07-01", ["Form.Summary"] = "完成阶段性工作", ["Form.Version"] = version,
                });
            }
            case "instruction":
            {
                var taskId = await app.NewTaskAsync();
                var client = await app.UserAsync("leader");
                return () => client.PostFormAsync($"/tasks/{taskId}/instruct", new Dictionary<string, string> { ["Form.Text"] = "抓好落实" });
            }
            case "assignment":
            {
                var taskId = await app.NewTaskAsync();
                var client = await app.UserAsync("office");
                var version = (await app.TaskVersionAsync(taskId)).ToString(culture);
                var lead = (await app.SectionIdAsync("城管执法大队")).ToString(culture);
                var support = (await app.SectionIdAsync("智慧城管指挥中心")).ToString(culture);
                return () => client.PostFormAsync($"/tasks/{taskId}/edit", new Dictionary<string, string>
                {
                    ["Form.LeadSectionId"] = lead, ["Form.SupportingSectionIds"] = support, ["Form.ResponsibleLeader"] = "副局长",
                    ["Form.Deadline"] = "2023-11-30", ["Form.Ongoing"] = "false", ["Form.ExpectedOutcome"] = "形成工作机制", ["Form.Version"] = version,
                });
            }
            case "section create":
            {
                var client = await app.UserAsync("admin");
                return () => client.PostFormAsync("/admin/sections/new", new Dictionary<string, string>
                {
                    ["Form.Name"] = "法制审核中心", ["Form.Kind"] = "Center", ["Form.SortOrder"] = "80",
                });
            }
            case "section edit":
            {
                await using var db = app.CreateDb();
                // A section no other case looks up by name.
                var section = await db.Sections.AsNoTracking().SingleAsync(s => s.Name == "市政设施管理科", Ct);
                var client = await app.UserAsync("admin");
                return () => client.PostFormAsync($"/admin/sections/{section.Id}", new Dictionary<string, string>
                {
                    ["Form.Name"] = "市政公用设施管理科", ["Form.Kind"] = "Section", ["Form.SortOrder"] = "55", ["Form.Version"] = section.Version.ToString(culture),
                });
            }
            case "user create":
            {
                var client = await app.UserAsync("admin");
                return () => client.PostFormAsync("/admin/users/new", new Dictionary<string, string>
                {
                    ["Form.UserName"] = "auditor", ["Form.DisplayName"] = "审计员", ["Form.Role"] = "Viewer",
                    ["Form.Password"] = "Audit2024x", ["Form.ConfirmPassword"] = "Audit2024x",
                });
            }
            case "user disable":
            {
                await using var db = app.CreateDb();
                var viewer = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "viewer", Ct);
                var client = await app.UserAsync("admin");
                return () => client.PostFormAsync($"/admin/users/{viewer.Id}/status?handler=Disable", new Dictionary<string, string>());
            }
            default:
            {
                await using var db = app.CreateDb();
                var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Year == 2023, Ct);
                var client = await app.UserAsync("office");
                var action = change == "close plan" ? "Close" : "Reopen";
                return () => client.PostFormAsync($"/plans/{plan.Id}/status", new Dictionary<string, string>
                {
                    ["Form.Action"] = action, ["Form.Version"] = plan.Version.ToString(culture),
                });
            }
        }
    }

    /// <summary>Sets the 2023 plan's status directly in the database, outside the app (so outside the audit trail).</summary>
    private async Task EnsurePlanStatusAsync(PlanStatus status)
    {
        await using var db = app.CreateDb();
        var plan = await db.Plans.SingleAsync(p => p.Year == 2023, Ct);
        if (plan.Status == status) return;
        if (status == PlanStatus.Closed) plan.Close();
        else plan.Reopen();
        await db.SaveChangesAsync(Ct);
    }

    private static AuditEntry Single(List<AuditEntry> entries, string type, string key, AuditAction action)
    {
        var matching = entries.Where(e => e.EntityType == type && e.EntityKey == key).ToList();
        matching.Count.ShouldBe(1, $"{action} of {type} {key}");
        matching[0].Action.ShouldBe(action);
        return matching[0];
    }

    private static void Matches(string type, string? json, Dictionary<string, string?> row, IEnumerable<string> properties)
    {
        json.ShouldNotBeNull();
        using var document = JsonDocument.Parse(json);
        var values = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Normalize(p.Value));
        values.Keys.Order().ShouldBe(properties.Order());
        foreach (var property in properties)
        {
            var expected = AuditedTypes.IsSecret(type, property) ? AuditedTypes.SecretMarker : row[property];
            values[property].ShouldBe(expected, property);
        }
    }

    /// <summary>Every audited table as property name → normalized value, by entity key.</summary>
    private async Task<Dictionary<string, Dictionary<string, Dictionary<string, string?>>>> SnapshotAsync()
    {
        await using var db = app.CreateDb();
        var snapshot = new Dictionary<string, Dictionary<string, Dictionary<string, string?>>>();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        foreach (var (name, entityType) in AuditedTypes.In(db.Model))
        {
            var columns = entityType.GetProperties().Where(p => !p.IsConcurrencyToken)
                .ToDictionary(p => p.GetColumnName(), p => p.Name);
            var keys = entityType.FindPrimaryKey()!.Properties.Select(p => p.Name).ToList();
            var rows = new Dictionary<string, Dictionary<string, string?>>();
            await using var command = new NpgsqlCommand($"SELECT to_jsonb(t)::text FROM \"{entityType.GetTableName()}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                using var document = JsonDocument.Parse(reader.GetString(0));
                var row = document.RootElement.EnumerateObject().Where(c => columns.ContainsKey(c.Name))
                    .ToDictionary(c => columns[c.Name], c => Normalize(c.Value));
                rows[string.Join(",", keys.Select(k => row[k]))] = row;
            }
            snapshot[name] = rows;
        }
        return snapshot;
    }

    private static string? Normalize(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetDecimal().ToString("0.############", CultureInfo.InvariantCulture),
        JsonValueKind.String when value.GetString() is { Length: > 19 } s && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            => instant.UtcTicks.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private async Task<long> LastEntryIdAsync()
    {
        await using var db = app.CreateDb();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id, Ct) ?? 0;
    }

    [Fact]
    public async Task The_audit_table_refuses_updates_and_deletes_even_from_the_database_account()
    {
        await using var db = app.CreateDb();
        (await db.AuditEntries.AnyAsync(Ct)).ShouldBeTrue();

        var update = await Should.ThrowAsync<PostgresException>(() => Sql.Execute(app.ConnectionString, "UPDATE audit_entries SET user_name = 'x'"));
        update.MessageText.ShouldContain("cannot be changed");
        await Should.ThrowAsync<PostgresException>(() => Sql.Execute(app.ConnectionString, "DELETE FROM audit_entries"));
    }

    [Theory]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("TRUNCATE audit_entries RESTART IDENTITY CASCADE")]
    [InlineData("TRUNCATE plans, audit_entries CASCADE")]
    public async Task The_audit_table_refuses_truncate_even_from_its_owner(string truncate)
    {
        var count = await app.AuditCountAsync();
        count.ShouldBeGreaterThan(0);
        // The tests' account is the cluster's superuser, which owns every table: no role may do more.
        (await Sql.Scalar<bool>(app.ConnectionString, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).ShouldBeTrue();

        var refused = await Should.ThrowAsync<PostgresException>(() => Sql.Execute(app.ConnectionString, truncate));

        refused.MessageText.ShouldContain("cannot be changed");
        (await app.AuditCountAsync()).ShouldBe(count);
    }

    [Fact]
    public void No_page_offers_a_handler_that_changes_the_audit_trail()
    {
        var pages = typeof(PlanDb).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)));
        var auditPages = pages.Where(t => t.Namespace?.EndsWith(".Audit", StringComparison.Ordinal) == true).ToList();
        auditPages.ShouldNotBeEmpty();
        auditPages.SelectMany(t => t.GetMethods()).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)
            || m.Name.StartsWith("OnPut", StringComparison.Ordinal) || m.Name.StartsWith("OnDelete", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_apps_own_database_context_cannot_change_or_remove_audit_entries()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanDb>();
        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(Ct);
        var count = await app.AuditCountAsync();

        db.AuditEntries.Remove(entry);
        (await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct))).InnerException.ShouldBeOfType<PostgresException>();
        db.ChangeTracker.Clear();
        await Should.ThrowAsync<PostgresException>(() =>
            db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.UserName, "x"), Ct));
        await Should.ThrowAsync<PostgresException>(() => db.AuditEntries.ExecuteDeleteAsync(Ct));

        (await app.AuditCountAsync()).ShouldBe(count);
        await using var check = app.CreateDb();
        (await check.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id, Ct)).UserName.ShouldBe(entry.UserName);
    }
}
