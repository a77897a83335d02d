using System.Net;
using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Records.Retention;

/// <summary>The county form's protocol settings: the emergency MDT limit and the retention period.</summary>
[Trait("Category", "Data")]
public sealed class RetentionSettingsTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task CreateCounty_WithSettings_SavesThemAndEditShowsThem()
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = "set-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostFormAsync("/admin/jurisdictions/new", Fields(" 48 ", "365", id));

        AdminTestKit.AssertRedirect(created, $"/admin/jurisdictions/{id}");
        var saved = await factory.QueryAsync(db => db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((48, 365), (saved.EmergencyMdtHours, saved.RetentionDays));
        var html = await (await admin.GetAsync($"/admin/jurisdictions/{id}")).HtmlAsync();
        Assert.Equal("48", AdminTestKit.ValueOf(html, "Input.EmergencyMdtHours"));
        Assert.Equal("365", AdminTestKit.ValueOf(html, "Input.RetentionDays"));
    }

    [Fact]
    public async Task EditCounty_EmptySettings_ClearsThem()
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = await factory.CountyAsync(400);

        var response = await admin.PostFormAsync($"/admin/jurisdictions/{id}", Fields("", ""));

        AdminTestKit.AssertRedirect(response, "/admin/jurisdictions");
        var saved = await factory.QueryAsync(db => db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((null, null), (saved.EmergencyMdtHours, saved.RetentionDays));
    }

    [Theory]
    [InlineData("0", "365", "Input_EmergencyMdtHours", "Emergency MDT within (hours): enter a whole number from 1 to 168, or leave it empty.")]
    [InlineData("169", "365", "Input_EmergencyMdtHours", "Emergency MDT within (hours): enter a whole number from 1 to 168, or leave it empty.")]
    [InlineData("48h", "365", "Input_EmergencyMdtHours", "Emergency MDT within (hours): enter a whole number from 1 to 168, or leave it empty.")]
    [InlineData("48", "29", "Input_RetentionDays", "Retention after closing (days): enter a whole number from 30 to 3650, or leave it empty.")]
    [InlineData("48", "3651", "Input_RetentionDays", "Retention after closing (days): enter a whole number from 30 to 3650, or leave it empty.")]
    [InlineData("48", "-40", "Input_RetentionDays", "Retention after closing (days): enter a whole number from 30 to 3650, or leave it empty.")]
    [InlineData("48", "1e3", "Input_RetentionDays", "Retention after closing (days): enter a whole number from 30 to 3650, or leave it empty.")]
    public async Task EditCounty_OutOfRange_ErrorNamesFieldAndNothingSaved(string hours, string days, string field, string error)
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = await factory.CountyAsync(400);

        var response = await admin.PostFormAsync($"/admin/jurisdictions/{id}", Fields(hours, days));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains($"<a href=\"#{field}\">{error}</a>", html);
        Assert.Equal(hours, AdminTestKit.ValueOf(html, "Input.EmergencyMdtHours"));
        var saved = await factory.QueryAsync(db => db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(("Retention Test County", null, 400), (saved.NameEn, saved.EmergencyMdtHours, saved.RetentionDays));
    }

    [Fact]
    public async Task CreateCounty_OutOfRangeInSpanish_MessageInSpanishAndNothingSaved()
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = "set-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/jurisdictions/new?lang=es")).StatusCode);

        var response = await admin.PostFormAsync("/admin/jurisdictions/new", Fields("200", "10", id));

        var html = await response.HtmlAsync();
        Assert.Contains("MDT de emergencia dentro de (horas): escriba un número entero de 1 a 168, o déjelo vacío.", html);
        Assert.Contains("Conservación después del cierre (días): escriba un número entero de 30 a 3650, o déjelo vacío.", html);
        Assert.False(await factory.QueryAsync(db => db.Jurisdictions.AnyAsync(j => j.Id == id)));
    }

    private static Dictionary<string, string> Fields(string hours, string days, string? countyId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Retention Test County", ["Input.NameEs"] = "Condado de Prueba", ["Input.State"] = "CA",
            ["Input.EmergencyMdtHours"] = hours, ["Input.RetentionDays"] = days,
        };
        if (countyId is not null)
        {
            fields["CountyId"] = countyId;
        }

        return fields;
    }
}
