using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// The few libc calls .NET has no managed API for: the effective uid, account lookup and chown.
/// DllImport with blittable arguments keeps this free of unsafe code.
/// </summary>
internal static class NativeMethods
{
    // glibc and musl on Linux share this prefix of struct passwd.
    [StructLayout(LayoutKind.Sequential)]
    private struct Passwd
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint Uid;
        public uint Gid;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "getegid")]
    private static extern uint GetEffectiveGroupId();

    // CA2101 wants UTF-16 or ANSI named; these strings are explicitly UTF-8, which is what libc takes
    // (a known false positive: dotnet/roslyn-analyzers#7502).
    [SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments", Justification = "Marshaled as UTF-8")]
    [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true)]
    private static extern IntPtr GetPasswordEntry([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments", Justification = "Marshaled as UTF-8")]
    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);

    public static bool IsRoot => !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

    public static (uint Uid, uint Gid) CurrentIds => (GetEffectiveUserId(), GetEffectiveGroupId());

    public static (uint Uid, uint Gid)? LookUpUser(string name)
    {
        var entry = GetPasswordEntry(name);
        if (entry == IntPtr.Zero) return null;
        var passwd = Marshal.PtrToStructure<Passwd>(entry);
        return (passwd.Uid, passwd.Gid);
    }

    /// <summary>
    /// chown that throws on failure. As a normal user it succeeds only on one's own files, which is how a
    /// pre-created directory that belongs to someone else gets refused.
    /// </summary>
    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (Chown(path, uid, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new LocalPostgresException(
                LocalPostgresMessages.CannotChangeOwner(path, uid, $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})"));
        }
    }
}
