using Beacon.Core.Accounts;

namespace Beacon.Core.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("elevenchars")]
    [InlineData("")]
    public void Check_ShorterThanTwelve_IsTooShort(string password) =>
        Assert.Contains(PasswordProblem.TooShort, PasswordRules.Check(password));

    [Fact]
    public void Check_TwelveToOneHundredTwentyEight_HasNoLengthProblem()
    {
        Assert.Empty(PasswordRules.Check("maple river 7"));
        Assert.Empty(PasswordRules.Check(new string('q', 64) + " harbour lights"));
        Assert.Empty(PasswordRules.Check(string.Concat(Enumerable.Repeat("quiet-otter-", 10)) + "12345678"));
    }

    [Fact]
    public void Check_OverOneHundredTwentyEight_IsTooLong() =>
        Assert.Contains(PasswordProblem.TooLong, PasswordRules.Check(new string('x', 129)));

    [Fact]
    public void Check_NoCompositionRules_AllLowercaseLettersAndSpacesPass() =>
        Assert.Empty(PasswordRules.Check("purple elephant dancing slowly"));

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("PasswordPassword")]
    [InlineData("123456789012")]
    public void Check_OnTheCommonList_IsCommon(string password) =>
        Assert.Contains(PasswordProblem.Common, PasswordRules.Check(password));

    [Fact]
    public void CommonList_Shipped_HasTensOfThousandsOfEntries() =>
        Assert.InRange(PasswordRules.CommonPasswordCount, 40_000, 50_000);

    [Fact]
    public void Check_SameAsEmail_MatchesAccountName() =>
        Assert.Contains(PasswordProblem.MatchesAccountName, PasswordRules.Check("Admin@Beacon.Test", "admin@beacon.test"));

    [Fact]
    public void Check_Emoji_CountsCharactersNotUtf16Units()
    {
        // Six emoji are twelve UTF-16 units but six characters.
        Assert.Contains(PasswordProblem.TooShort, PasswordRules.Check("🔥🔥🔥🔥🔥🔥"));
    }
}
