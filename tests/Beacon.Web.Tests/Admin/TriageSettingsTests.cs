using System.Net;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Records.Retention;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

/// <summary>The county form's triage setting: which roles and agencies triage, and the triage time.</summary>
[Trait("Category", "Data")]
public sealed class TriageSettingsTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task EditCounty_TriageSetting_SavesRolesHoursAndAgencies()
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = await factory.CountyAsync(null);
        var (welfare, probation) = (await AgencyAsync(id, "Welfare"), await AgencyAsync(id, "Probation"));

        var response = await admin.PostFieldsAsync($"/admin/jurisdictions/{id}",
            [.. Fields("24", "supervisors"), ("TriageAgencies", welfare.ToString())]);

        AdminTestKit.AssertRedirect(response, "/admin/jurisdictions");
        var county = await factory.QueryAsync(db => db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((24, TriageRoles.Supervisor), (county.TriageHours, county.TriageRoles));
        var marked = await factory.QueryAsync(db => db.Agencies.Where(a => a.JurisdictionId == id && a.TriagesIntake).Select(a => a.Id).ToListAsync());
        Assert.Equal([welfare], marked);
        var html = await (await admin.GetAsync($"/admin/jurisdictions/{id}")).HtmlAsync();
        Assert.Equal("24", AdminTestKit.ValueOf(html, "Input.TriageHours"));
        Assert.Contains($"value=\"{welfare}\" checked", html);
        Assert.DoesNotContain($"value=\"{probation}\" checked", html);
        Assert.Contains("<option value=\"supervisors\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task EditCounty_NoChoiceSent_KeepsBothRolesAndEveryAgency()
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = await factory.CountyAsync(null);
        await AgencyAsync(id, "Welfare", triages: true);

        var response = await admin.PostFieldsAsync($"/admin/jurisdictions/{id}", Fields("", null));

        AdminTestKit.AssertRedirect(response, "/admin/jurisdictions");
        var county = await factory.QueryAsync(db => db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((null, TriageRoles.Caseworker | TriageRoles.Supervisor), (county.TriageHours, county.TriageRoles));
        Assert.False(await factory.QueryAsync(db => db.Agencies.AnyAsync(a => a.JurisdictionId == id && a.TriagesIntake)));
    }

    [Theory]
    [InlineData("0", "both", null, "Input_TriageHours", "Triage within (hours): enter a whole number from 1 to 168, or leave it empty.")]
    [InlineData("8 h", "both", null, "Input_TriageHours", "Triage within (hours): enter a whole number from 1 to 168, or leave it empty.")]
    [InlineData("8", "everyone", null, "Input_TriageRoles", "Who triages the intake queue: choose one of the options offered.")]
    [InlineData("8", "both", "other-county", "TriageAgencies", "Agencies that triage the intake queue: choose one of the options offered.")]
    public async Task EditCounty_BadTriageSetting_ErrorNamesFieldAndNothingSaved(
        string hours, string roles, string? agency, string field, string error)
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = await factory.CountyAsync(null);
        var mine = await AgencyAsync(id, "Welfare");
        var other = await AgencyAsync(await factory.CountyAsync(null), "Elsewhere");
        var fields = Fields(hours, roles).Append(("TriageAgencies", mine.ToString()));
        if (agency is not null)
        {
            fields = fields.Append(("TriageAgencies", other.ToString()));
        }

        var response = await admin.PostFieldsAsync($"/admin/jurisdictions/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<a href=\"#{field}\">{error}</a>", await response.HtmlAsync());
        var county = await factory.QueryAsync(db => db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(("Retention Test County", null), (county.NameEn, county.TriageHours));
        Assert.False(await factory.QueryAsync(db => db.Agencies.AnyAsync(a => a.TriagesIntake && (a.Id == mine || a.Id == other))));
    }

    private async Task<Guid> AgencyAsync(string county, string name, bool triages = false)
    {
        var agency = new Agency { JurisdictionId = county, Name = name, TriagesIntake = triages };
        await factory.AddAsync(agency);
        return agency.Id;
    }

    private static IEnumerable<(string, string)> Fields(string hours, string? roles)
    {
        var fields = new List<(string, string)>
        {
            ("Input.NameEn", "Triage Test County"), ("Input.NameEs", "Condado de Prueba"), ("Input.State", "CA"),
            ("Input.TriageHours", hours),
        };
        if (roles is not null)
        {
            fields.Add(("Input.TriageRoles", roles));
        }

        return fields;
    }
}
