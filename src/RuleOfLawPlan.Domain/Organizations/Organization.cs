using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Organizations;

/// <summary>
/// An organ that runs rule-of-law plans (the bureau). The model allows several so that a
/// city-wide deployment can host more organs later.
/// </summary>
public sealed class Organization : IAggregateRoot
{
    private Organization() { }

    public Organization(string name, string? shortName = null)
    {
        Rename(name, shortName);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    [Timestamp]
    public uint Version { get; private set; }

    public void Rename(string name, string? shortName)
    {
        Name = Guard.Text(name, 200, "单位名称");
        ShortName = Guard.NullableText(shortName, 50, "单位简称");
    }
}
