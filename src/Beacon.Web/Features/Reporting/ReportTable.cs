namespace Beacon.Web.Features.Reporting;

/// <summary>A table of reports with its caption; <see cref="ShowReporter"/> for lists of other people's reports.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<ReportRow> Rows, bool ShowReporter);
