namespace RuleOfLawPlan.Domain;

/// <summary>
/// The entity a change to an aggregate goes through, and whose <see cref="Version"/> stands for the whole
/// aggregate: a form carries it, and a save from a form opened before anyone else's change to the root
/// <em>or any of its parts</em> is refused.
/// </summary>
public interface IAggregateRoot
{
    /// <summary>The row version (PostgreSQL's xmin); it moves whenever the root or one of its parts changes.</summary>
    uint Version { get; }
}

/// <summary>
/// A part of an aggregate: it is changed only through its root, and a change to it (added, changed or
/// removed) moves the root's <see cref="IAggregateRoot.Version"/>. <typeparamref name="TParent"/> is the
/// entity it hangs from, by a foreign key: the root itself, or another part (a KPI's reading → the KPI → the task).
/// </summary>
public interface IAggregatePart<TParent> where TParent : class;
