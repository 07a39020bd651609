using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace RuleOfLawPlan.Web.Security;

/// <summary>What someone wants to do to a particular task; checked with the task as the resource.</summary>
public static class TaskOperations
{
    /// <summary>填报进展: a section head whose section leads or supports the task.</summary>
    public static readonly OperationAuthorizationRequirement ReportProgress = new() { Name = nameof(ReportProgress) };

    /// <summary>填报指标数据: the office, or a section head whose section leads the task (a supporting section does not).</summary>
    public static readonly OperationAuthorizationRequirement RecordKpiReading = new() { Name = nameof(RecordKpiReading) };

    /// <summary>批示: a leader.</summary>
    public static readonly OperationAuthorizationRequirement Instruct = new() { Name = nameof(Instruct) };

    /// <summary>审核: accepting (采纳) or returning (退回) the task's progress updates: the office.</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };

    /// <summary>答复批示 (办理情况): a section head whose section leads the task.</summary>
    public static readonly OperationAuthorizationRequirement AnswerInstruction = new() { Name = nameof(AnswerInstruction) };
    /// <summary>催办: the office presses a task's sections.</summary>
    public static readonly OperationAuthorizationRequirement Urge = new() { Name = nameof(Urge) };

    /// <summary>任务分解 and editing the task's text, KPIs and deliverables: the office.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
