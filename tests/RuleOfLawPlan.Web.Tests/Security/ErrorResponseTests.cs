using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RuleOfLawPlan.Web.Requests;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace RuleOfLawPlan.Web.Tests.Security;

/// <summary>
/// The security review's malformed requests, each by name: the status is the right 4xx, the page or ProblemDetails
/// says what happened in the request's language (Chinese by default), nothing is half-rendered, and none of it is
/// logged as an error.
/// </summary>
public sealed class ErrorResponseTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("302")]
    [InlineData("2147483647")]
    [InlineData("403")]
    [InlineData("500")]
    [InlineData("")]
    public async Task The_error_page_asked_for_directly_is_not_found_whatever_code_it_is_given(string code)
    {
        var response = await app.CreateClient().GetAsync($"/Error?code={code}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.Location.ShouldBeNull();
        (await response.HtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("找不到该页面");
    }

    [Fact]
    public async Task A_verb_a_page_has_no_handler_for_is_405_with_allow_not_a_half_rendered_page()
    {
        var viewer = await app.UserAsync("viewer");
        var planId = await PlanIdAsync();
        var taskId = await app.TaskIdAsync(6, 1);

        var home = await viewer.PostFormAsync("/", []);
        var plan = await viewer.PostFormAsync($"/plans/{planId}", []);
        var trace = await viewer.SendAsync(new HttpRequestMessage(HttpMethod.Trace, $"/tasks/{taskId}"), Ct);

        foreach (var response in new[] { home, plan, trace })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
            response.Content.Headers.Allow.ShouldBe(["GET", "HEAD"], ignoreOrder: true);
            var page = await response.HtmlAsync();
            page.QuerySelector("h1")!.TextContent.ShouldBe("不支持此操作");
            page.Body!.TextContent.ShouldNotContain("还没有工作计划");
        }
    }

    [Fact]
    public async Task A_checkbox_value_no_checkbox_sends_is_a_400_with_the_form_what_was_typed_and_a_message()
    {
        var taskId = await app.TaskIdAsync(6, 2);
        var before = await app.TaskAsync(taskId);

        var response = await (await app.UserAsync("office")).PostFormAsync($"/tasks/{taskId}/edit", new Dictionary<string, string>
        {
            ["Form.LeadSectionId"] = before.LeadSectionId!.Value.ToString(CultureInfo.InvariantCulture),
            ["Form.ResponsibleLeader"] = "不该保存的领导",
            ["Form.Ongoing"] = "maybe",
            ["Form.Deadline"] = "2023-12-31",
            ["Form.Version"] = before.Version.ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.HtmlAsync();
        page.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("提交的内容中有无法识别的值，请检查后重新提交。");
        page.QuerySelector("input[name='Form.ResponsibleLeader']")!.GetAttribute("value").ShouldBe("不该保存的领导");
        (await app.TaskAsync(taskId)).ResponsibleLeader.ShouldBe(before.ResponsibleLeader);
    }

    [Theory]
    [InlineData("", "“x”不是有效的值", "提交的内容中有无法识别的值")]
    [InlineData("?culture=en-US", "“x” is not a valid value", "Some of what was submitted could not be read")]
    public async Task A_number_that_is_none_is_a_400_with_the_binding_message_in_the_chosen_language(string query, string field, string summary)
    {
        var response = await (await app.SignInAsAsync("admin")).PostFormAsync("/admin/sections/new" + query, new Dictionary<string, string>
        {
            ["Form.Name"] = "排序号测试科",
            ["Form.Kind"] = "Section",
            ["Form.SortOrder"] = "x",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.TextAsync();
        text.ShouldContain(field);
        text.ShouldContain(summary);
        await using var db = app.CreateDb();
        (await db.Sections.AnyAsync(s => s.Name == "排序号测试科", Ct)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/audit?From=0001-01-01", "开始日期无效")]
    [InlineData("/audit?To=9999-12-31", "结束日期无效")]
    [InlineData("/audit?Query.From=2023-02-30", "“2023-02-30”不是有效的值")]
    public async Task An_audit_date_out_of_range_is_a_chinese_message(string url, string message)
    {
        var response = await (await app.UserAsync("office")).GetAsync(url, Ct);

        ((int)response.StatusCode).ShouldBeInRange(200, 499);
        (await response.TextAsync()).ShouldContain(message);
    }

    [Theory]
    [InlineData("", "找不到该页面", "您访问的内容不存在或已被删除。")]
    [InlineData("?culture=en-US", "Page not found", "What you asked for does not exist or has been deleted.")]
    public async Task Problem_details_speak_the_requests_language(string query, string title, string detail)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page" + query);
        request.Headers.Accept.ParseAdd("application/json");

        var response = await (await app.SignInAsAsync("viewer")).SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var json = JsonDocument.Parse(await response.TextAsync());
        json.RootElement.GetProperty("title").GetString().ShouldBe(title);
        json.RootElement.GetProperty("detail").GetString().ShouldBe(detail);
    }

    /// <summary>deploy/nginx-ruleoflawplan.conf answers what never reaches the app (TRACE, limits) with these pages.</summary>
    [Theory]
    [InlineData(405)]
    [InlineData(413)]
    [InlineData(414)]
    [InlineData(431)]
    public async Task The_static_pages_nginx_answers_with_say_what_the_error_page_says(int status)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var (title, detail) = ErrorTexts.For(status, app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
            var response = await app.CreateClient().GetAsync($"/errors/{status}.html", Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await response.HtmlAsync();
            page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
            page.QuerySelector("h1")!.TextContent.ShouldBe(title);
            page.QuerySelector("p")!.TextContent.ShouldBe(detail);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Malformed_requests_are_not_logged_as_errors()
    {
        var sink = new LogCapture();
        await using var logged = app.Factory.WithWebHostBuilder(b => b
            .UseSetting("Serilog:MinimumLevel:Default", "Information")
            .ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink)));
        var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("office", RuleOfLawPlan.Web.Data.SampleData.DemoPassword);
        var taskId = await app.TaskIdAsync(6, 1);

        foreach (var code in new[] { "-1", "0", "101", "302", "2147483647", "500" })
            (await client.GetAsync($"/Error?code={code}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/audit?From=0001-01-01", Ct)).IsSuccessStatusCode.ShouldBeTrue();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, $"/tasks/{taskId}"), Ct)).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await client.PostFormAsync($"/tasks/{taskId}/edit", [new("Form.Ongoing", "maybe")])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        sink.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage(CultureInfo.InvariantCulture)).ShouldBeEmpty();
        sink.Events.ShouldContain(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal), "the request log reached the sink");
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = app.CreateDb();
        return await db.Plans.Select(p => p.Id).FirstAsync(Ct);
    }
}
