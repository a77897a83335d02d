using Beacon.Core.Jurisdictions;

namespace Beacon.Core.Tests.Jurisdictions;

public sealed class ZipDirectoryTests
{
    private static readonly Lazy<ZipDirectory> Shipped = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "content", "jurisdictions", "california-zip-counties.csv");
            if (File.Exists(path))
            {
                return ZipDirectory.Load(path);
            }
        }

        throw new InvalidOperationException("california-zip-counties.csv not found");
    });

    [Theory]
    [InlineData("95603", "Placer")] // Auburn
    [InlineData("95661", "Placer")] // Roseville
    [InlineData("93940", "Monterey")] // Monterey
    [InlineData("93901", "Monterey")] // Salinas
    [InlineData("95814", "Sacramento")] // a neighbour of Placer
    [InlineData("95023", "San Benito")] // a neighbour of Monterey (Hollister)
    [InlineData(" 93940-1234 ", "Monterey")]
    public void CountyFor_KnownZip_ReturnsItsCounty(string zip, string county) =>
        Assert.Equal(county, Shipped.Value.CountyFor(zip));

    [Theory]
    [InlineData("10001")] // New York
    [InlineData("00000")]
    [InlineData("9560")]
    [InlineData("abcde")]
    [InlineData("")]
    [InlineData(null)]
    public void CountyFor_UnknownOrMalformedZip_IsNull(string? zip) => Assert.Null(Shipped.Value.CountyFor(zip));

    [Fact]
    public void Load_Shipped_HasEveryCaliforniaZip() => Assert.InRange(Shipped.Value.Count, 2500, 2800);

    [Fact]
    public void Load_BadLine_NamesTheLine()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "zip,county\n95603,Placer\n9560,Placer\n");
        try
        {
            Assert.Contains("line 3", Assert.Throws<ReferenceDataException>(() => ZipDirectory.Load(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
