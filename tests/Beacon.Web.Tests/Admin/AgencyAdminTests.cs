using System.Net;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

[Trait("Category", "Data")]
public sealed class AgencyAdminTests : IClassFixture<BeaconFactory>
{
    private readonly BeaconFactory _factory;

    public AgencyAdminTests(BeaconFactory factory) => _factory = factory;

    [Fact]
    public async Task CreateAgency_ValidForm_ListedUnderItsCounty()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var name = AdminTestKit.Unique("Probation Department");

        var response = await admin.PostFormAsync("/admin/agencies/new", new Dictionary<string, string>
        {
            ["County"] = "monterey", ["Input.Name"] = name, ["Input.Role"] = "Probation", ["Input.PublicContact"] = "",
        });

        AdminTestKit.AssertRedirect(response, "/admin/agencies");
        var agency = await _factory.QueryAsync(db => db.Agencies.SingleAsync(a => a.Name == name));
        Assert.Equal("monterey", agency.JurisdictionId);
        Assert.Equal("Probation", agency.Role);
        Assert.Null(agency.PublicContact);
        Assert.Contains(name, await (await admin.GetAsync("/admin/agencies")).HtmlAsync());
    }

    [Fact]
    public async Task CreateAgency_SameNameOtherCapitalsInSameCounty_ErrorAndNothingSaved()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var name = AdminTestKit.Unique("Family Services");
        var fields = new Dictionary<string, string> { ["County"] = "placer", ["Input.Name"] = name };
        AdminTestKit.AssertRedirect(await admin.PostFormAsync("/admin/agencies/new", fields), "/admin/agencies");

        var duplicate = await admin.PostFormAsync("/admin/agencies/new", new Dictionary<string, string>(fields)
        {
            ["Input.Name"] = name.ToUpperInvariant(),
        });
        var otherCounty = await admin.PostFormAsync("/admin/agencies/new", new Dictionary<string, string>(fields)
        {
            ["County"] = "monterey",
        });

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("<a href=\"#Input_Name\">Agency name: this county already has an agency with this name.</a>", await duplicate.HtmlAsync());
        AdminTestKit.AssertRedirect(otherCounty, "/admin/agencies"); // unique within a county, not across counties
        Assert.Equal(2, await _factory.QueryAsync(db => db.Agencies.CountAsync(a => a.Name.StartsWith("Family Services"))));
    }

    [Fact]
    public async Task CreateAgency_NoCounty_ErrorNamesField()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();

        var response = await admin.PostFormAsync("/admin/agencies/new",
            new Dictionary<string, string> { ["County"] = "national", ["Input.Name"] = "Anything" });

        Assert.Contains("<a href=\"#County\">County: choose one from the list.</a>", await response.HtmlAsync());
    }

    [Fact]
    public async Task EditAgency_RenameToAnotherAgencysName_ErrorAndNothingSaved()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var first = await AddAsync(admin, "placer", AdminTestKit.Unique("First Agency"));
        var second = await AddAsync(admin, "placer", AdminTestKit.Unique("Second Agency"));

        var clash = await admin.PostFormAsync($"/admin/agencies/{second.Id}",
            new Dictionary<string, string> { ["Input.Name"] = first.Name, ["Input.Role"] = "Advocacy" });
        var rename = await admin.PostFormAsync($"/admin/agencies/{second.Id}",
            new Dictionary<string, string> { ["Input.Name"] = second.Name + " Renamed", ["Input.Role"] = "Advocacy" });

        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        var html = await clash.HtmlAsync();
        Assert.Contains("Agency name: this county already has an agency with this name.", html);
        Assert.Equal(first.Name, AdminTestKit.ValueOf(html, "Input.Name")); // what was typed is kept
        AdminTestKit.AssertRedirect(rename, "/admin/agencies");
        var saved = await _factory.QueryAsync(db => db.Agencies.SingleAsync(a => a.Id == second.Id));
        Assert.Equal(second.Name + " Renamed", saved.Name);
        Assert.Equal("Advocacy", saved.Role);
    }

    [Fact]
    public async Task DeactivateAgency_NoLongerOfferedForNewAccounts_ReactivateOffersItAgain()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var agency = await AddAsync(admin, "placer", AdminTestKit.Unique("Closing Agency"));
        var path = $"/admin/agencies/{agency.Id}";

        AdminTestKit.AssertRedirect(await admin.PostFormAsync(path, new Dictionary<string, string>(), $"{path}?handler=Deactivate"), path);
        var whileInactive = await (await admin.GetAsync("/admin/users/new")).HtmlAsync();
        AdminTestKit.AssertRedirect(await admin.PostFormAsync(path, new Dictionary<string, string>(), $"{path}?handler=Reactivate"), path);

        Assert.DoesNotContain(agency.Name, whileInactive);
        Assert.Contains(agency.Name, await (await admin.GetAsync("/admin/users/new")).HtmlAsync());
    }

    private async Task<(Guid Id, string Name)> AddAsync(HttpClient admin, string county, string name)
    {
        AdminTestKit.AssertRedirect(await admin.PostFormAsync("/admin/agencies/new",
            new Dictionary<string, string> { ["County"] = county, ["Input.Name"] = name }), "/admin/agencies");
        return (await _factory.QueryAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync()), name);
    }
}
