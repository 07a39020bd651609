namespace RuleOfLawPlan.Web.Cli;

public enum CommandVerb
{
    Serve,
    Migrate,
    ImportPlan,
    CreateAdmin,
    GenerateData,
}
