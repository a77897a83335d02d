using System.Text;
using Beacon.Core.Exports;

namespace Beacon.Core.Tests.Exports;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Cell_FormulaStart_IsMadeText(string value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("María José", "María José")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cell_OrdinaryText_IsQuotedOnlyWhenNeeded(string? value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void File_HeaderAndRows_CrlfWithBom()
    {
        var bytes = Csv.File(["a", "b"], [["1", "=2"], ["x,y", null]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("a,b\r\n1,'=2\r\n\"x,y\",\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
