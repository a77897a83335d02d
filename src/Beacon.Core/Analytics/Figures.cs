namespace Beacon.Core.Analytics;

/// <summary>What a reader may learn of one published figure (ADR-011).</summary>
public enum Disclosure : byte
{
    /// <summary>The value is shown.</summary>
    Shown = 0,

    /// <summary>A small count (from 1 to 10, or a zero that would tell which group every child is in): shown as "&lt;11".</summary>
    Small = 1,

    /// <summary>Hidden so that a small count cannot be worked out by subtraction (complementary suppression).</summary>
    Hidden = 2,
}

/// <summary>What a figure measures, so that every rendering (page, chart, CSV, PDF) writes it the same way.</summary>
public enum FigureUnit : byte
{
    Count = 0,
    /// <summary>A share from 0 to 100.</summary>
    Percent = 1,
    Days = 2,
    Hours = 3,
}

/// <summary>One published figure; <see cref="Number"/> is null unless <see cref="Disclosure"/> is <see cref="Disclosure.Shown"/>.</summary>
public readonly record struct FigureValue(Disclosure Disclosure, double? Number, FigureUnit Unit = FigureUnit.Count)
{
    public static FigureValue Count(Disclosure disclosure, long value) =>
        new(disclosure, disclosure == Disclosure.Shown ? value : null);

    public static FigureValue Measure(double value, FigureUnit unit) => new(Disclosure.Shown, value, unit);

    public static FigureValue Withheld(Disclosure disclosure, FigureUnit unit) => new(disclosure, null, unit);
}

/// <summary>How a table is drawn beside its data.</summary>
public enum FigureChart : byte
{
    /// <summary>No chart: the table alone.</summary>
    None = 0,
    /// <summary>Horizontal bars, one per row (the first column), for rankings and categories.</summary>
    Bar = 1,
    /// <summary>One line per column across the rows (months), for trends.</summary>
    Line = 2,
    /// <summary>Bars per row stacked by column (months by concern level).</summary>
    Stacked = 3,
}

/// <summary>A row of a figure table: its label and one value per column.</summary>
public sealed record FigureRow(string Label, IReadOnlyList<FigureValue> Values)
{
    /// <summary>A total row (the whole period, all types): written in the table, left out of the chart, which would count it twice.</summary>
    public bool IsTotal { get; init; }
}

/// <summary>
/// One table of a dashboard, already suppressed and already in the reader's language: the page draws
/// it as a chart and a data table, the CSV and PDF exports write it, all from this one object, so that
/// nothing can show a figure another rendering hides.
/// </summary>
/// <param name="Id">A stable slug (<c>screens-by-month</c>), used for anchors and file names.</param>
/// <param name="Title">What the table shows, in the reader's language.</param>
/// <param name="RowHeading">The heading of the label column.</param>
/// <param name="Columns">The value columns' headings.</param>
/// <param name="Note">An optional sentence under the table (how a figure is counted).</param>
public sealed record FigureTable(
    string Id, string Title, string RowHeading, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows,
    FigureChart Chart, string? Note = null)
{
    /// <summary>The last column is the row's total: written in the table, left out of a stacked chart.</summary>
    public bool LastColumnIsTotal { get; init; }
}
