using System.Globalization;

namespace Beacon.Core.Analytics;

/// <summary>
/// The words a rendering needs besides the figures, in the reader's language: the word for a hidden
/// figure and the two footnotes that explain "&lt;11" and it. The web app fills it from its resources.
/// </summary>
public sealed record FigureWords(string Hidden, string SmallNote, string HiddenNote);

/// <summary>
/// The one place a <see cref="FigureValue"/> becomes text. The page's data table, the chart's tooltips
/// (which read the table), the CSV and the PDF all call it, so no two renderings can write a figure differently.
/// </summary>
public static class FigureText
{
    /// <summary>A count from 1 to 10 (or a revealing zero): the same symbol in English and Spanish.</summary>
    public const string Small = "<11";

    public static string Format(FigureValue value, CultureInfo culture, string hiddenWord) => value.Disclosure switch
    {
        Disclosure.Small => Small,
        Disclosure.Hidden => hiddenWord,
        // A shown value always has a number (FigureValue's contract); a missing one is a bug upstream, not a zero.
        _ => Number(value.Number ?? throw new ArgumentException("A shown figure has no number.", nameof(value)), value.Unit, culture),
    };

    /// <summary>The number for machines (the table's data-value attribute): invariant, empty unless shown.</summary>
    public static string Invariant(FigureValue value) =>
        value.Disclosure == Disclosure.Shown && value.Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>The disclosure as the markup and the chart script name it.</summary>
    public static string Name(Disclosure disclosure) => disclosure switch
    {
        Disclosure.Small => "small",
        Disclosure.Hidden => "hidden",
        _ => "shown",
    };

    private static string Number(double n, FigureUnit unit, CultureInfo culture) => unit switch
    {
        // One decimal says something about a share only when it is not .0; "42 %" reads better than "42.0 %".
        // Rounded as a person would (42.35 → 42.4) before the binary division could make it 42.3.
        FigureUnit.Percent => (Math.Round(n, 1, MidpointRounding.AwayFromZero) / 100).ToString(IsWhole(n) ? "P0" : "P1", culture),
        FigureUnit.Days or FigureUnit.Hours => n.ToString("N1", culture),
        _ => Math.Round(n).ToString("N0", culture),
    };

    private static bool IsWhole(double n) => Math.Abs(n - Math.Round(n)) < 0.05;
}
