using Beacon.Core.Screening;

namespace Beacon.Core.Tests.Screening;

public sealed class YouthProfileTests
{
    [Fact]
    public void Read_KnownValues_ReturnsThemWithPlatformsInListOrderOnce()
    {
        var read = YouthProfile.Read("Age14To15", "AnotherIdentity", ["gaming", "snapchat", "gaming", ""]);

        Assert.Empty(read.Errors);
        Assert.Equal(AgeBand.Age14To15, read.Profile.AgeBand);
        Assert.Equal(YouthGender.AnotherIdentity, read.Profile.Gender);
        Assert.Equal(["snapchat", "gaming"], read.Profile.Platforms);
    }

    [Fact]
    public void Read_EmptyValues_IsNotKnownWithNoError()
    {
        var read = YouthProfile.Read("", null, []);

        Assert.Empty(read.Errors);
        Assert.Null(read.Profile.AgeBand);
        Assert.Null(read.Profile.Gender);
        Assert.Empty(read.Profile.Platforms);
    }

    [Theory]
    [InlineData("Age99", "Girl", "facebook", YouthProfile.AgeField)]
    [InlineData("2", "Girl", "facebook", YouthProfile.AgeField)]
    [InlineData("age14to15", "Girl", "facebook", YouthProfile.AgeField)]
    [InlineData("Under12", "1", "facebook", YouthProfile.GenderField)]
    [InlineData("Under12", "Unknown", "facebook", YouthProfile.GenderField)]
    [InlineData("Under12", "Girl", "myspace", YouthProfile.PlatformsField)]
    public void Read_ValueOutsideItsList_IsAnErrorOnThatFieldOnly(string age, string gender, string platform, string field)
    {
        var read = YouthProfile.Read(age, gender, [platform]);

        Assert.Equal([field], read.Errors);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(0, false)]
    [InlineData(null, false)]
    public void ForFinished_OnlineContactRating_KeepsPlatformsOnlyWhenPossibleOrClear(int? rating, bool kept)
    {
        var profile = new YouthProfile(AgeBand.Age16To17, YouthGender.Girl, ["instagram"]);

        var finished = profile.ForFinished(new Dictionary<string, int?> { [OnlinePlatforms.CatalogItem] = rating });

        Assert.Equal(kept ? ["instagram"] : [], finished.Platforms);
        Assert.Equal(AgeBand.Age16To17, finished.AgeBand);
        Assert.Equal(YouthGender.Girl, finished.Gender);
    }

    [Fact]
    public void ForFinished_InstrumentWithoutTheOnlineContactItem_DropsPlatforms()
    {
        var profile = new YouthProfile(null, null, ["tiktok"]);

        Assert.Empty(profile.ForFinished(new Dictionary<string, int?> { ["gifts-affection"] = 2 }).Platforms);
    }
}
