using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Security;

/// <summary>What someone wants to do to a particular task; checked with the task as the resource.</summary>
public static class TaskOperations
{
    /// <summary>填报进展: a section head whose section leads or supports the task.</summary>
    public static readonly OperationAuthorizationRequirement ReportProgress = new() { Name = nameof(ReportProgress) };

    /// <summary>批示: a leader.</summary>
    public static readonly OperationAuthorizationRequirement Instruct = new() { Name = nameof(Instruct) };

    /// <summary>任务分解 and editing the task's text, KPIs and deliverables: the office.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}

/// <summary>The task-level rules of docs/permissions.md.</summary>
public sealed class TaskAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PlanTask>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, PlanTask task)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(TaskOperations.ReportProgress) => user.IsInRole(Roles.SectionHead)
                && user.SectionId() is int sectionId && task.Involves(sectionId),
            nameof(TaskOperations.Instruct) => user.IsInRole(Roles.Leader),
            nameof(TaskOperations.Manage) => user.IsInRole(Roles.Office),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
