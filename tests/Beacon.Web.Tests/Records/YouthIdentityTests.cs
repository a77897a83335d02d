using Beacon.Web.Features.Records;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Records;

/// <summary>The likely-duplicate check: same county, same normalised name and date of birth, through the blind index.</summary>
[Trait("Category", "Data")]
public sealed class YouthIdentityTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private async Task<IReadOnlyList<Guid>> DuplicatesAsync(string county, string name, DateOnly? birthday, Guid? except = null)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<YouthIdentity>().LikelyDuplicatesAsync(county, name, birthday, except);
    }

    [Fact]
    public async Task LikelyDuplicates_SameNameTypedDifferently_FindsTheRecord()
    {
        var surname = "Ibarra" + Guid.NewGuid().ToString("N")[..6];
        var youth = await factory.WriteYouthAsync($"María José López {surname}", "Ana López");

        Assert.Equal([youth.Id], await DuplicatesAsync("monterey", $"{surname.ToUpperInvariant()}, Maria Jose LOPEZ", YouthKit.Birthday));
    }

    [Fact]
    public async Task LikelyDuplicates_OtherBirthdayOrCounty_FindsNothing()
    {
        var name = "Lucía Fernández " + Guid.NewGuid().ToString("N")[..6];
        var youth = await factory.WriteYouthAsync(name, "Pedro Fernández");

        Assert.Empty(await DuplicatesAsync("monterey", name, YouthKit.Birthday.AddDays(1)));
        Assert.Empty(await DuplicatesAsync("placer", name, YouthKit.Birthday));
        Assert.Empty(await DuplicatesAsync("monterey", name, YouthKit.Birthday, except: youth.Id));
        Assert.Empty(await DuplicatesAsync("monterey", name, null));
    }

    [Fact]
    public async Task Index_NoBirthday_IsNull()
    {
        using var scope = factory.Services.CreateScope();
        var identity = scope.ServiceProvider.GetRequiredService<YouthIdentity>();

        Assert.Null(await identity.IndexAsync("Sofía Ramírez", null));
        Assert.Matches("^[0-9a-f]{64}$", await identity.IndexAsync("Sofía Ramírez", YouthKit.Birthday));
    }
}
