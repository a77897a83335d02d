using System.Security.Claims;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Accounts;

/// <summary>Adds the user's display name, agency and jurisdiction to the session.</summary>
public sealed class BeaconClaimsFactory(
    UserManager<BeaconUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    BeaconDbContext db)
    : UserClaimsPrincipalFactory<BeaconUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayNameClaim = "beacon:name";
    public const string AgencyClaim = "beacon:agency";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BeaconUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == user.AgencyId);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(AgencyClaim, agency.Id.ToString()));
        identity.AddClaim(new Claim(CurrentJurisdiction.ClaimType, agency.JurisdictionId));
        return identity;
    }
}
