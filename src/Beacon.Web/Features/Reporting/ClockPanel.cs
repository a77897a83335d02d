using Beacon.Core.Reporting;

namespace Beacon.Web.Features.Reporting;

/// <summary>What the big clock shows: the reading in words and the rule it counts by (hours, citation).</summary>
public sealed record ClockPanel(ClockText Clock, WrittenReportRule Rule);
