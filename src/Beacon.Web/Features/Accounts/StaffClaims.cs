using System.Security.Claims;
using Beacon.Web.Features.Jurisdictions;

namespace Beacon.Web.Features.Accounts;

/// <summary>
/// Who the signed-in staff member is, read from the claims <see cref="BeaconClaimsFactory"/> writes:
/// one way for every page. Only for staff sessions: a missing claim is a bug, and says so.
/// </summary>
public static class StaffClaims
{
    public static Guid UserId(this ClaimsPrincipal user) => Guid.Parse(Required(user, ClaimTypes.NameIdentifier));

    public static Guid AgencyId(this ClaimsPrincipal user) => Guid.Parse(Required(user, BeaconClaimsFactory.AgencyClaim));

    /// <summary>The county of the user's agency: the scope of everything they work on.</summary>
    public static string CountyId(this ClaimsPrincipal user) => Required(user, CurrentJurisdiction.ClaimType);

    private static string Required(ClaimsPrincipal user, string type) =>
        user.FindFirstValue(type) ?? throw new InvalidOperationException($"A staff session without the {type} claim.");
}
