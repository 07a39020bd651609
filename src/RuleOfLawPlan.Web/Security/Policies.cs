namespace RuleOfLawPlan.Web.Security;

/// <summary>
/// Named policies; docs/permissions.md is the matrix they implement. Page-level policies say who may
/// open a page at all; task operations are checked on the task itself (resource-based).
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in, enabled user: read plans, tasks, dashboard.</summary>
    public const string Read = nameof(Read);

    /// <summary>Admin: users and their roles.</summary>
    public const string ManageUsers = nameof(ManageUsers);

    /// <summary>Admin: sections (科室/中心).</summary>
    public const string ManageSections = nameof(ManageSections);

    /// <summary>Office: plans (import, header, activate/close), tasks, assignments, KPIs, reports.</summary>
    public const string ManagePlans = nameof(ManagePlans);

    /// <summary>Office and Admin: browse the audit trail.</summary>
    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>Section heads (which task is checked on the task): the progress form.</summary>
    public const string ReportProgress = nameof(ReportProgress);

    /// <summary>The office and section heads (which task is checked on the task): the KPI reading form.</summary>
    public const string RecordKpiReadings = nameof(RecordKpiReadings);

    /// <summary>The office and leaders: 工作台账 export.</summary>
    public const string ExportLedger = nameof(ExportLedger);

    /// <summary>Leaders: 批示 on tasks, and the list of their own.</summary>
    public const string Instruct = nameof(Instruct);

    /// <summary>Office, leaders, administrators and viewers: the filterable task list (任务清单).</summary>
    public const string TaskList = nameof(TaskList);

    /// <summary>Office, leaders, administrators and viewers: 领导小组驾驶舱, their home page.</summary>
    public const string Dashboard = nameof(Dashboard);

    /// <summary>Section heads: 我的任务, the tasks of their own section.</summary>
    public const string MyTasks = nameof(MyTasks);

    /// <summary>Office, leaders, administrators and viewers: the annual report (法治政府建设年度报告), its print view and Word file.</summary>
    public const string ReadReports = nameof(ReadReports);

    /// <summary>Leaders: approve (审定) the annual report or return it to the office.</summary>
    public const string ApproveReports = nameof(ApproveReports);

    /// <summary>Office: the review queue (审核 of progress updates).</summary>
    public const string Review = nameof(Review);

    /// <summary>Office, leaders, administrators and viewers: 领导履职台账 (the register of leaders' rule-of-law activities) and its files.</summary>
    public const string ReadActivities = nameof(ReadActivities);

    /// <summary>Office and administrators: add, edit and remove register entries, attach their files.</summary>
    public const string ManageActivities = nameof(ManageActivities);
}
