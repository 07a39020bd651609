using System.ComponentModel.DataAnnotations;

namespace RuleOfLawPlan.Domain.Organizations;

public sealed class Section : IAggregateRoot
{
    private Section() { }

    public Section(int organizationId, string name, SectionKind kind, int sortOrder, bool isSample = false)
    {
        OrganizationId = organizationId;
        Update(name, kind, sortOrder);
        IsSample = isSample;
    }

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public SectionKind Kind { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Made up for demonstration (示例), not taken from a real plan.</summary>
    public bool IsSample { get; private set; }

    public bool IsActive { get; private set; } = true;
    [Timestamp]
    public uint Version { get; private set; }

    public void Update(string name, SectionKind kind, int sortOrder)
    {
        Name = Guard.Text(name, 100, "科室名称");
        if (!Enum.IsDefined(kind)) throw new DomainException("科室类型无效");
        Kind = kind;
        SortOrder = sortOrder;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
