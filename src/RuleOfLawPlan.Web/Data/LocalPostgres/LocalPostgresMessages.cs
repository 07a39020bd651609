namespace RuleOfLawPlan.Web.Data.LocalPostgres;

/// <summary>
/// Every message the local PostgreSQL gives an operator, in English then Chinese. What the machine lacks
/// says what to install and how to use an existing server instead; a failure of a PostgreSQL program
/// carries its output and the server log's tail, which stay in PostgreSQL's English.
/// </summary>
internal static class LocalPostgresMessages
{
    private const string ExistingServerExample =
        "ConnectionStrings__Plan=\"Host=db.example.org;Database=ruleoflawplan;Username=plan;Password=...\"";

    public const string NeedsLinux =
        "The embedded PostgreSQL needs Linux; on Windows set ConnectionStrings:Plan. / 内置 PostgreSQL 仅支持 Linux，Windows 下请设置 ConnectionStrings:Plan。";

    public const string RunuserMissing = """
        The app runs as root, and PostgreSQL refuses to; `runuser` (util-linux) is needed to run it as another account but was not found.
        Install util-linux, run the app as a normal user, or set ConnectionStrings:Plan to use an existing server.
        应用以 root 运行，而 PostgreSQL 拒绝以 root 运行；需要 `runuser`（util-linux）切换账户，但未找到。
        请安装 util-linux，或以普通用户运行本应用，或设置 ConnectionStrings:Plan 使用已有的数据库服务器。
        """;

    public static string ProgramsNotFound(IEnumerable<string> searched) => $"""
        PostgreSQL server programs (pg_ctl, initdb, postgres) were not found. Searched: {string.Join(", ", searched)}.
        Install them: on Debian/Ubuntu `sudo apt-get install postgresql`; on RHEL/Rocky/Alma `sudo dnf install postgresql-server`.
        Or name their folder with the setting LocalPostgres:BinDirectory (or the environment variable PG_BINDIR).
        Or use an existing PostgreSQL server instead: set ConnectionStrings:Plan, e.g. the environment variable
        {ExistingServerExample}
        未找到 PostgreSQL 服务器程序（pg_ctl、initdb、postgres）。已查找：{string.Join("、", searched)}。
        请安装：Debian/Ubuntu 执行 `sudo apt-get install postgresql`；RHEL/Rocky/Alma 执行 `sudo dnf install postgresql-server`。
        或用配置项 LocalPostgres:BinDirectory（或环境变量 PG_BINDIR）指定这些程序所在的目录。
        也可以改用已有的 PostgreSQL 服务器：设置 ConnectionStrings:Plan，例如环境变量
        {ExistingServerExample}
        """;

    public static string ServerAccountMissing(string osUser) => $"""
        The app runs as root, and PostgreSQL refuses to, so it runs the server as the OS user '{osUser}' (setting LocalPostgres:OsUser) — but that user does not exist.
        Installing PostgreSQL creates the user 'postgres' (Debian/Ubuntu `sudo apt-get install postgresql`; RHEL `sudo dnf install postgresql-server`).
        Or set LocalPostgres:OsUser to an existing non-root account, run the app as a normal user, or use an existing server: set ConnectionStrings:Plan,
        e.g. the environment variable {ExistingServerExample}.
        应用以 root 运行，而 PostgreSQL 拒绝以 root 运行，因此改用操作系统用户 '{osUser}'（配置项 LocalPostgres:OsUser）运行数据库，但该用户不存在。
        安装 PostgreSQL 会创建 postgres 用户（Debian/Ubuntu 执行 `sudo apt-get install postgresql`；RHEL 执行 `sudo dnf install postgresql-server`）。
        也可以将 LocalPostgres:OsUser 设为已有的非 root 用户、以普通用户运行本应用，或设置 ConnectionStrings:Plan 使用已有的数据库服务器，
        例如环境变量 {ExistingServerExample}。
        """;

    public static string ServerAccountIsRoot(string osUser) =>
        $"LocalPostgres:OsUser '{osUser}' is root; PostgreSQL refuses to run as root. Name a non-root account. / " +
        $"LocalPostgres:OsUser '{osUser}' 是 root 用户，PostgreSQL 拒绝以 root 运行，请指定非 root 用户。";

    public static string NotADataDirectory(string dataDirectory) =>
        $"'{dataDirectory}' is neither empty nor a PostgreSQL data directory (no PG_VERSION). Choose another LocalPostgres:DataDirectory. / " +
        $"'{dataDirectory}' 既不是空目录也不是 PostgreSQL 数据目录，请另行指定 LocalPostgres:DataDirectory。";

    public static string DataDirectoryUnreachable(string dataDirectory, string osUser) => $"""
        The OS user '{osUser}' that runs PostgreSQL cannot reach '{dataDirectory}': every folder above it must be traversable by that user (so not under /root).
        Choose another LocalPostgres:DataDirectory; the default for root is /var/lib/ruleoflawplan/postgres.
        运行 PostgreSQL 的操作系统用户 '{osUser}' 无法访问 '{dataDirectory}'：其上每一级目录都必须允许该用户进入（因此不能位于 /root 下）。
        请另行指定 LocalPostgres:DataDirectory；root 运行时默认为 /var/lib/ruleoflawplan/postgres。
        """;

    public static string SocketFolderIsLink(string socketDirectory) =>
        $"Socket folder '{socketDirectory}' is a symbolic link; remove it. / 套接字目录 '{socketDirectory}' 是符号链接，请删除。";

    public static string CannotChangeOwner(string path, uint uid, string error) =>
        $"Cannot give '{path}' to uid {uid}: {error}. / 无法将 '{path}' 的所有者改为 uid {uid}：{error}。";

    public static string ZombiePostmaster(string dataDirectory, int pid, string pidFile) => $"""
        postmaster.pid in {dataDirectory} names process {pid}, a server that has died but was not reaped by its parent.
        Once no postgres process for this folder remains, delete {pidFile} and start again.
        {dataDirectory} 中的 postmaster.pid 指向已退出但未被回收的进程 {pid}。确认该目录没有其他 postgres 进程后，删除 {pidFile} 再启动。
        """;

    public static string RunningWithoutSocket(string dataDirectory) =>
        $"A PostgreSQL server is running on {dataDirectory} but its postmaster.pid names no Unix socket; stop it (pg_ctl stop -D {dataDirectory}) and start again. / " +
        $"{dataDirectory} 上正在运行的 PostgreSQL 没有 Unix 套接字，请先停止它（pg_ctl stop -D {dataDirectory}）再启动。";

    public static string InitdbFailed(string dataDirectory, CommandResult result) =>
        $"initdb failed for {dataDirectory} (exit {result.ExitCode}) / 创建数据库集群失败: {result.Output}";

    public static string StartFailed(string dataDirectory, CommandResult result, string logTail) =>
        $"PostgreSQL did not start on {dataDirectory} (pg_ctl exit {result.ExitCode}) / PostgreSQL 未能启动: {result.Output}{logTail}";

    public static string StopFailed(string dataDirectory, CommandResult result, string logTail) =>
        $"pg_ctl stop failed for {dataDirectory} (exit {result.ExitCode}) / PostgreSQL 未能停止: {result.Output}{logTail}";

    public static string CannotConnect(string socketDirectory, string error, string logTail) =>
        $"Cannot connect to the local PostgreSQL over {socketDirectory} / 无法连接本地 PostgreSQL: {error}{logTail}";

    public static string CouldNotRun(string commandLine) => $"Could not start '{commandLine}'. / 无法运行 '{commandLine}'。";

    public static string TimedOut(string commandLine, TimeSpan timeout) =>
        $"'{commandLine}' did not finish within {timeout.TotalSeconds:0} s. / '{commandLine}' 未在 {timeout.TotalSeconds:0} 秒内完成。";
}
