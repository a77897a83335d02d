using System.Globalization;
using Beacon.Core.Analytics;

namespace Beacon.Core.Tests.Analytics;

public class FigureTextTests
{
    private static readonly CultureInfo En = new("en");
    private static readonly CultureInfo Es = new("es");

    [Theory]
    [InlineData(0, "0")]
    [InlineData(11, "11")]
    [InlineData(1234567, "1,234,567")]
    public void Format_ShownCountInEnglish_HasThousandsSeparators(long n, string expected) =>
        Assert.Equal(expected, FigureText.Format(FigureValue.Count(Disclosure.Shown, n), En, "hidden"));

    [Fact]
    public void Format_ShownCountInSpanish_UsesTheSpanishSeparator() =>
        Assert.Equal("12.345", FigureText.Format(FigureValue.Count(Disclosure.Shown, 12345), Es, "oculto"));

    [Theory]
    [InlineData(42.0, "42%")]
    [InlineData(42.96, "43%")]
    [InlineData(42.35, "42.4%")]
    [InlineData(7.5, "7.5%")]
    public void Format_Percent_HasNoDecimalOrOne(double n, string expected) =>
        Assert.Equal(expected, FigureText.Format(FigureValue.Measure(n, FigureUnit.Percent), En, "hidden"));

    [Fact]
    public void Format_PercentInSpanish_UsesTheDecimalComma()
    {
        // Spanish puts a space (plain or no-break, as the platform's ICU has it) before the sign.
        var text = FigureText.Format(FigureValue.Measure(42.4, FigureUnit.Percent), Es, "oculto");
        Assert.Matches("^42,4[ \u00a0\u202f]%$", text);
    }

    [Theory]
    [InlineData(FigureUnit.Days, 3.0, "3.0")]
    [InlineData(FigureUnit.Hours, 27.44, "27.4")]
    [InlineData(FigureUnit.Hours, 1234.56, "1,234.6")]
    public void Format_DaysAndHours_HaveOneDecimal(FigureUnit unit, double n, string expected) =>
        Assert.Equal(expected, FigureText.Format(FigureValue.Measure(n, unit), En, "hidden"));

    [Fact]
    public void Format_HoursInSpanish_UseTheDecimalComma() =>
        Assert.Equal("27,4", FigureText.Format(FigureValue.Measure(27.44, FigureUnit.Hours), Es, "oculto"));

    [Theory]
    [InlineData(FigureUnit.Count)]
    [InlineData(FigureUnit.Percent)]
    [InlineData(FigureUnit.Hours)]
    public void Format_Small_IsLessThanElevenInEveryLanguage(FigureUnit unit)
    {
        var value = FigureValue.Withheld(Disclosure.Small, unit);
        Assert.Equal("<11", FigureText.Format(value, En, "hidden"));
        Assert.Equal("<11", FigureText.Format(value, Es, "oculto"));
    }

    [Fact]
    public void Format_Hidden_IsTheCallersWord()
    {
        Assert.Equal("hidden", FigureText.Format(FigureValue.Count(Disclosure.Hidden, 57), En, "hidden"));
        Assert.Equal("oculto", FigureText.Format(FigureValue.Count(Disclosure.Hidden, 57), Es, "oculto"));
    }

    [Fact]
    public void Format_ShownWithoutNumber_Throws() =>
        Assert.Throws<ArgumentException>(() => FigureText.Format(new FigureValue(Disclosure.Shown, null), En, "hidden"));

    [Fact]
    public void Invariant_ShownSmallHidden_NumberOnlyWhenShown()
    {
        Assert.Equal("1234.5", FigureText.Invariant(FigureValue.Measure(1234.5, FigureUnit.Hours)));
        Assert.Equal("", FigureText.Invariant(FigureValue.Count(Disclosure.Small, 4)));
        Assert.Equal("", FigureText.Invariant(FigureValue.Count(Disclosure.Hidden, 40)));
    }

    [Theory]
    [InlineData(Disclosure.Shown, "shown")]
    [InlineData(Disclosure.Small, "small")]
    [InlineData(Disclosure.Hidden, "hidden")]
    public void Name_EachDisclosure_IsTheMarkupName(Disclosure disclosure, string expected) =>
        Assert.Equal(expected, FigureText.Name(disclosure));
}
