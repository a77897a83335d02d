using System.Net;
using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records.Retention;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Training;

/// <summary>The county form's training renewal period: saved when it is a whole number of months in range, a named error otherwise.</summary>
[Trait("Category", "Data")]
public sealed class RenewalSettingTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static (string, string)[] Fields(string months) =>
        [("Input.NameEn", "Retention Test County"), ("Input.NameEs", "Condado de Prueba"), ("Input.State", "CA"), ("Input.TrainingRenewalMonths", months)];

    private async Task<int> MonthsAsync(string id) =>
        await factory.QueryAsync(db => db.Jurisdictions.Where(j => j.Id == id).Select(j => j.TrainingRenewalMonths).SingleAsync());

    [Theory]
    [InlineData("24", 24)]
    [InlineData("", 12)]
    public async Task EditCounty_RenewalPeriod_IsSaved(string months, int saved)
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = await factory.CountyAsync(null);

        AdminTestKit.AssertRedirect(await admin.PostFieldsAsync($"/admin/jurisdictions/{id}", Fields(months)), "/admin/jurisdictions");

        Assert.Equal(saved, await MonthsAsync(id));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("a year")]
    public async Task EditCounty_BadRenewalPeriod_ErrorNamesFieldAndNothingSaved(string months)
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var id = await factory.CountyAsync(null);

        var response = await admin.PostFieldsAsync($"/admin/jurisdictions/{id}", Fields(months));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Input_TrainingRenewalMonths\">Training renewal (months): enter a whole number from 1 to 60, or leave it empty.</a>",
            await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(12, await MonthsAsync(id));
    }
}
