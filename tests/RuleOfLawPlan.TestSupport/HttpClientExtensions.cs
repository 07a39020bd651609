using System.Runtime.CompilerServices;
using AngleSharp;
using AngleSharp.Dom;

namespace RuleOfLawPlan.TestSupport;

/// <summary>What a browser does with the app's pages: read them as HTML, sign in, post forms.</summary>
public static class HttpClientExtensions
{
    // One form token per client, for as long as the same user is signed in on it: a post costs one request, not two.
    private static readonly ConditionalWeakTable<HttpClient, string> Tokens = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Parses a response as the browser would see it.</summary>
    public static async Task<IDocument> HtmlAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        return await BrowsingContext.New().OpenAsync(req => req.Content(html), Ct);
    }

    public static Task<string> TextAsync(this HttpResponseMessage response) => response.Content.ReadAsStringAsync(Ct);

    /// <summary>An antiforgery token valid for this client's current user, read from a form the app renders.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page = "/account/login")
    {
        var response = await client.GetAsync(page, Ct);
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

    /// <summary>
    /// Posts a form as a browser would: with a valid antiforgery token unless told otherwise. The only way tests
    /// post forms, so that every test treats the token the same way.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, bool withAntiforgery = true)
    {
        var values = fields.ToList();
        if (withAntiforgery) values.Add(new("__RequestVerificationToken", await TokenAsync(client)));
        return Forget(client, await client.PostAsync(url, new FormUrlEncodedContent(values), Ct));
    }

    /// <summary>
    /// Posts a form with files (multipart/form-data) as a browser would, with a valid antiforgery token. Each file is
    /// its field's name, the file name the browser sends and the content (any <see cref="HttpContent"/>, so a large
    /// file can be streamed rather than held).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Field, string FileName, HttpContent Content)> files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(await TokenAsync(client)), "__RequestVerificationToken");
        foreach (var (field, fileName, content) in files)
        {
            content.Headers.ContentType ??= new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, field, fileName);
        }
        return Forget(client, await client.PostAsync(url, form, Ct));
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        if (!Tokens.TryGetValue(client, out var token))
        {
            token = await client.AntiforgeryTokenAsync();
            Tokens.AddOrUpdate(client, token);
        }
        return token;
    }

    /// <summary>A token belongs to the user it was issued to: signing in or out makes it stale.</summary>
    private static HttpResponseMessage Forget(HttpClient client, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("rolp.auth=", StringComparison.Ordinal)))
            Tokens.Remove(client);
        return response;
    }
}
