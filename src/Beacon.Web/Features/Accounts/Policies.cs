using Beacon.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Beacon.Web.Features.Accounts;

/// <summary>Every authorization policy, named once.</summary>
public static class Policies
{
    /// <summary>The fallback: a signed-in staff member whose session passed a second factor where the role needs one.</summary>
    public const string StaffSession = nameof(StaffSession);
    public const string Administrator = nameof(Administrator);
    /// <summary>The county's intake queue (tips, staff screens, logged calls): the caseworkers and supervisors the county's triage setting names (Intake.IntakeQueueHandler).</summary>
    public const string Intake = nameof(Intake);
    /// <summary>The county's task force events and trainings, and their rosters: trainers and administrators.</summary>
    public const string Events = nameof(Events);
    /// <summary>Saved screens: reporters (their own), caseworkers and supervisors (their county's).</summary>
    public const string Screens = nameof(Screens);
    /// <summary>Mandated reports: reporters, caseworkers and supervisors make their own; supervisors also see their agency's clocks.</summary>
    public const string Reports = nameof(Reports);
    /// <summary>Youth records and cases: caseworkers and supervisors; which records each sees is decided per record (CaseAccess).</summary>
    public const string Cases = nameof(Cases);
    /// <summary>The task force's de-identified figures: analysts, trainers (the task force coordinators) and administrators.</summary>
    public const string Figures = nameof(Figures);
    /// <summary>Who in an agency is trained: supervisors (their agency), trainers (their county's agencies) and administrators.</summary>
    public const string TrainingRoster = nameof(TrainingRoster);

    public const string AuthTimeClaim = "beacon:auth_time";
    public const string AmrClaim = "amr";
    public const string MfaMethod = "mfa";

    public static AuthorizationPolicy StaffSessionPolicy { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(ctx => HasRequiredSecondFactor(ctx.User))
        .Build();

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(StaffSession, StaffSessionPolicy);
        options.AddPolicy(Administrator, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Administrator));
        options.AddPolicy(Intake, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Supervisor, Roles.Caseworker)
            .AddRequirements(new Intake.IntakeQueueRequirement()));
        options.AddPolicy(Screens, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Reporter, Roles.Caseworker, Roles.Supervisor));
        options.AddPolicy(Reports, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Reporter, Roles.Caseworker, Roles.Supervisor));
        options.AddPolicy(Cases, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Caseworker, Roles.Supervisor));
        options.AddPolicy(Events, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Trainer, Roles.Administrator));
        options.AddPolicy(Figures, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Analyst, Roles.Trainer, Roles.Administrator));
        options.AddPolicy(TrainingRoster, b => b.Combine(StaffSessionPolicy).RequireRole(Roles.Supervisor, Roles.Trainer, Roles.Administrator));
        options.FallbackPolicy = StaffSessionPolicy;
    }

    public static bool HasRequiredSecondFactor(System.Security.Claims.ClaimsPrincipal user)
    {
        var needsMfa = Roles.SeeYouthRecords.Any(user.IsInRole);
        return !needsMfa || user.HasClaim(AmrClaim, MfaMethod);
    }
}
