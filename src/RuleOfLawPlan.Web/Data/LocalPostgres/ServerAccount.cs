namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>The OS account that owns the cluster's folders and runs the server.</summary>
internal static class ServerAccount
{
    /// <summary>
    /// The current user; as root, <paramref name="osUser"/> (LocalPostgres:OsUser), because initdb, pg_ctl and
    /// postgres refuse uid 0.
    /// </summary>
    public static (uint Uid, uint Gid) Resolve(bool isRoot, string osUser)
    {
        if (!isRoot) return NativeMethods.CurrentIds;
        var ids = NativeMethods.LookUpUser(osUser)
            ?? throw new LocalPostgresUnavailableException(LocalPostgresMessages.ServerAccountMissing(osUser));
        if (ids.Uid == 0) throw new LocalPostgresUnavailableException(LocalPostgresMessages.ServerAccountIsRoot(osUser));
        return ids;
    }
}
