using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>What a page or endpoint wants to do with a case; checked by <see cref="CaseAuthorizationHandler"/>.</summary>
public sealed class CaseOperation : OperationAuthorizationRequirement
{
    public static readonly CaseOperation Read = new() { Name = nameof(Read) };
    /// <summary>Notes, tasks, safety plan, services, status, referrals, meetings.</summary>
    public static readonly CaseOperation Work = new() { Name = nameof(Work) };
    public static readonly CaseOperation Reassign = new() { Name = nameof(Reassign) };
}

/// <summary>Resource-based authorization of a case: the relation <see cref="CaseAccess"/> decides, against the operation asked.</summary>
public sealed class CaseAuthorizationHandler(CaseAccess access) : AuthorizationHandler<CaseOperation, Case>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseOperation requirement, Case resource)
    {
        var decision = await access.DecideAsync(context.User, resource);
        var allowed = requirement.Name switch
        {
            nameof(CaseOperation.Read) => decision.CanRead,
            nameof(CaseOperation.Work) => decision.CanWork,
            nameof(CaseOperation.Reassign) => decision.CanReassign,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A case the user was allowed to open, and how they stand towards it.</summary>
public sealed record OpenedCase(Case Case, CaseAccessDecision Access)
{
    public Guid Id => Case.Id;
}

/// <summary>
/// The one door to a case or a youth record for pages and endpoints: find it, authorize the operation,
/// write the audit entry, and answer null for anything the user may not have, so the caller returns
/// 404 whether the record is missing, in another agency or in another county.
/// </summary>
public sealed class CaseGate(
    BeaconDbContext db, CaseAccess access, IAuthorizationService authorization, AuditTrail audit, IHttpContextAccessor http)
{
    /// <summary>
    /// Opens a case for the operation. Any GET is audited as a view, whatever the operation (a form shows
    /// the case too), flagged "break-glass", "referral" or "mdt-invitee" when that is why it is allowed;
    /// a refusal is audited as refused access. Changes are audited by
    /// the caller after they are saved (<see cref="RecordAsync"/>). The case is tracked, ready to change.
    /// </summary>
    public async Task<OpenedCase?> OpenAsync(Guid id, CaseOperation operation, CancellationToken ct = default)
    {
        var user = http.HttpContext!.User;
        var c = await db.Cases.Include(x => x.Agency).Include(x => x.AssignedUser).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !(await authorization.AuthorizeAsync(user, c, operation)).Succeeded)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Case, id.ToString(), AuditOutcome.Refused, operation.Name, ct);
            return null;
        }

        var decision = await access.DecideAsync(user, c, ct);
        if (HttpMethods.IsGet(http.HttpContext.Request.Method))
        {
            await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Case, id.ToString(), AuditOutcome.Allowed, DetailOf(decision), ct);
        }

        return new OpenedCase(c, decision);
    }

    /// <summary>
    /// Refuses a request that the case's relation allowed but the record asked for does not (another
    /// author's note, a part the referral does not share, a task of someone else): audited as refused
    /// access, and the caller answers 404.
    /// </summary>
    public Task RefuseAsync(Guid caseId, string what, CancellationToken ct = default) =>
        audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Case, caseId.ToString(), AuditOutcome.Refused, what, ct);

    /// <summary>Records a change, an export or another action on an opened case; <paramref name="what"/> is a fixed code ("note", "status"), never typed text.</summary>
    public Task RecordAsync(AuditAction action, OpenedCase opened, string what, CancellationToken ct = default) =>
        audit.WriteAsync(action, AuditRecordTypes.Case, opened.Id.ToString(), AuditOutcome.Allowed,
            DetailOf(opened.Access) is { } flag ? $"{what}; {flag}" : what, ct);

    /// <summary>
    /// Opens a youth record for reading (audited as a view) or refuses it (audited as refused); the
    /// record is tracked, ready to change. Purged records are opened too: they show that they were purged.
    /// </summary>
    public async Task<Youth?> OpenYouthAsync(Guid id, CancellationToken ct = default)
    {
        var user = http.HttpContext!.User;
        var youth = await db.Youth.Include(y => y.Guardians).SingleOrDefaultAsync(y => y.Id == id, ct);
        if (youth is null || !await access.SeesYouthAsync(user, youth, ct))
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Youth, id.ToString(), AuditOutcome.Refused, null, ct);
            return null;
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Youth, id.ToString(), AuditOutcome.Allowed, null, ct);
        return youth;
    }

    private static string? DetailOf(CaseAccessDecision decision) => decision.Relation switch
    {
        CaseRelation.BrokenGlass => "break-glass",
        CaseRelation.Referred => "referral",
        CaseRelation.Invited => "mdt-invitee",
        _ => null,
    };
}
