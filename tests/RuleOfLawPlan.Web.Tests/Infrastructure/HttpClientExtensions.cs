using AngleSharp;
using AngleSharp.Dom;

namespace RuleOfLawPlan.Web.Tests.Infrastructure;

public static class HttpClientExtensions
{
    /// <summary>Parses a response as the browser would see it.</summary>
    public static async Task<IDocument> HtmlAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return await BrowsingContext.New().OpenAsync(req => req.Content(html), TestContext.Current.CancellationToken);
    }

    /// <summary>An antiforgery token valid for this client's current user, read from a form the app renders.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page = "/account/login")
    {
        var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
        var document = await response.HtmlAsync();
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} ({(int)response.StatusCode}) renders no antiforgery token.");
    }

    /// <summary>Signs this client in through the login page, as a user would; it keeps the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this HttpClient client, string userName, string password)
    {
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts a form as a browser would: with a valid antiforgery token unless told otherwise.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (withAntiforgery) values["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync();
        return await client.PostAsync(url, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }
}
