using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

/// <summary>A class of its own: its database must hold exactly one administrator.</summary>
[Trait("Category", "Data")]
public sealed class LastAdministratorTests : IClassFixture<BeaconFactory>
{
    private readonly BeaconFactory _factory;

    public LastAdministratorTests(BeaconFactory factory) => _factory = factory;

    [Fact]
    public async Task DisableOrDemote_OnlyActiveAdministrator_RefusedWithReason()
    {
        var (me, admin) = await _factory.SignedInAdministratorAsync();
        var agencyId = await _factory.QueryAsync(db => db.Agencies.Select(a => a.Id).FirstAsync());

        var disable = await admin.PostFormAsync($"/admin/users/{me.Id}", new Dictionary<string, string>(),
            action: $"/admin/users/{me.Id}/disable"); // the refusal page has no form to take a token from
        var demote = await admin.PostFieldsAsync($"/admin/users/{me.Id}",
            [("Input.DisplayName", "Test User"), ("Input.AgencyId", agencyId.ToString()), ("Input.Roles", Roles.Caseworker)]);

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Contains("is the only active administrator, so this account cannot be disabled", await disable.HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("Roles: this is the only active administrator.", await demote.HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode); // still an administrator, still signed in
        Assert.Equal(1, await _factory.QueryAsync(db => db.UserRoles.CountAsync()));
    }
}
