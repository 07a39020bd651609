using RuleOfLawPlan.Web.Cli;
using RuleOfLawPlan.Web.Data.Demo;

namespace RuleOfLawPlan.Web.Tests.Cli;

public sealed class GenerateDataCommandTests
{
    [Fact]
    public void The_command_line_takes_a_preset_or_explicit_sizes_and_passes_the_rest_to_the_host()
    {
        var preset = CommandLine.Parse(["generate-data", "--scale", "10", "--LocalPostgres:DataDirectory=/tmp/x"]);
        (preset.Verb, preset.Scale, preset.Error).ShouldBe((CommandVerb.GenerateData, ScaleOptions.Ten, null));
        preset.HostArgs.ShouldBe(["--LocalPostgres:DataDirectory=/tmp/x"]);

        CommandLine.Parse(["generate-data"]).Scale.ShouldBe(ScaleOptions.Hundred);
        CommandLine.Parse(["generate-data", "--tasks", "300", "--updates", "10000", "--prior-years", "1", "--seed", "5"]).Scale
            .ShouldBe(new ScaleOptions(300, 10_000, 1, 5));
    }

    [Theory]
    [InlineData("--scale", "7")]
    [InlineData("--tasks", "many")]
    [InlineData("--updates", "-1")]
    [InlineData("--seed")]
    public void A_size_it_cannot_read_is_refused_with_the_usage(params string[] options) =>
        CommandLine.Parse(["generate-data", .. options]).Error.ShouldNotBeNull();
}
