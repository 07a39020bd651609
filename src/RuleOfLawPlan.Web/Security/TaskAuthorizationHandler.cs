using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using RuleOfLawPlan.Domain.Plans;

namespace RuleOfLawPlan.Web.Security;

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
            nameof(TaskOperations.RecordKpiReading) => user.IsInRole(Roles.Office)
                || (user.IsInRole(Roles.SectionHead) && user.SectionId() is int leadId && task.LeadSectionId == leadId),
            nameof(TaskOperations.Instruct) => user.IsInRole(Roles.Leader),
            nameof(TaskOperations.Manage) => user.IsInRole(Roles.Office),
            nameof(TaskOperations.Review) => user.IsInRole(Roles.Office),
            nameof(TaskOperations.AnswerInstruction) => user.IsInRole(Roles.SectionHead)
                && user.SectionId() is int leadId && task.LeadSectionId == leadId,
            nameof(TaskOperations.Urge) => user.IsInRole(Roles.Office),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
