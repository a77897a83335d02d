using Microsoft.AspNetCore.Authorization;

namespace Beacon.Web.Features.Intake;

/// <summary>The intake policy's need-to-know: the county's triage setting says who reads its queue.</summary>
public sealed class IntakeQueueRequirement : IAuthorizationRequirement;

/// <summary>
/// Met when the county's triage setting lets the user see the queue (<see cref="TriageSettingsReader.MaySeeQueueAsync"/>):
/// a caseworker or supervisor of an agency that does not triage is turned away from every intake page,
/// as a reporter is.
/// </summary>
public sealed class IntakeQueueHandler(TriageSettingsReader triage) : AuthorizationHandler<IntakeQueueRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, IntakeQueueRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && await triage.MaySeeQueueAsync(context.User))
        {
            context.Succeed(requirement);
        }
    }
}
