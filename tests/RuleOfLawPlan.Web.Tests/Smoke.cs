namespace RuleOfLawPlan.Web.Tests; public sealed class SmokeTests { [Fact] public void Runs() => 1.ShouldBe(1); }
