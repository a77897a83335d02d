using Beacon.Core.Analytics;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// The model of <c>_Figure.cshtml</c>: one table and the level of its heading (2 on a page of figures,
/// 3 when the page groups them under h2 sections; 2 to 4), so the page's outline stays in order.
/// </summary>
public sealed record FigureView(FigureTable Table, int HeadingLevel = 2)
{
    public int HeadingLevel { get; } = HeadingLevel is >= 2 and <= 4 ? HeadingLevel : throw new ArgumentOutOfRangeException(nameof(HeadingLevel));

    public string TitleId => $"fig-{Table.Id}-title";

    public string SmallNoteId => $"fig-{Table.Id}-small";

    public string HiddenNoteId => $"fig-{Table.Id}-hidden";

    public bool Has(Disclosure disclosure) => Table.Rows.Any(r => r.Values.Any(v => v.Disclosure == disclosure));
}

/// <summary>The words <see cref="FigureText"/>, <see cref="FigureCsv"/> and the PDF need, from the reader's resources.</summary>
public static class AnalyticsWords
{
    public static FigureWords From(IStringLocalizer text) =>
        new(text["Figure.Hidden"], text["Figure.SmallNote"], text["Figure.HiddenNote"]);
}
