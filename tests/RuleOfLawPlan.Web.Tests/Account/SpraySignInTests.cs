using System.Net;
using RuleOfLawPlan.Web.Data;

namespace RuleOfLawPlan.Web.Tests.Account;

/// <summary>The app with a per-address limit of 10 failures, so that spraying is quick to show.</summary>
public sealed class SprayFixture(PostgresClusterFixture cluster) : SignInFixture(cluster)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:SignIn:FailuresPerAddress"] = "10",
    };
}

/// <summary>Issue 6, item 4: one wrong password each for many accounts from one address is slowed too.</summary>
public sealed class SpraySignInTests(SprayFixture app) : IClassFixture<SprayFixture>
{
    [Fact]
    public async Task Spraying_many_accounts_from_one_address_is_refused_for_the_rest_of_the_window_and_other_addresses_are_not()
    {
        var sprayer = app.ClientFrom("198.51.100.66");
        for (var i = 0; i < 10; i++)
            (await sprayer.PostFormAsync("/account/login", SignInFixture.Login($"guess{i}", "Spring2024"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await sprayer.PostFormAsync("/account/login", SignInFixture.Login("viewer", "Spring2024"));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBe(TimeSpan.FromHours(1));
        await app.SignInFromAsync("192.0.2.66", "viewer");

        // The window slides: when the oldest failure leaves it, one more attempt is let through.
        app.Clock.Advance(TimeSpan.FromHours(1));
        await sprayer.SignInAsync("viewer", SampleData.DemoPassword);
    }
}
