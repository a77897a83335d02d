using Beacon.Core.Reporting;

namespace Beacon.Web.Features.Reporting;

/// <summary>A written report to show as it is (once sent): the law's facts in its groups, "unknown" where empty.</summary>
public sealed record WrittenFacts(ReportingLaw Law, WrittenReportDraft Draft)
{
    /// <summary>The free-text facts of the suspicion, shown with the note scanner's findings.</summary>
    public static readonly IReadOnlySet<string> Scanned = new HashSet<string>(StringComparer.Ordinal) { ReportFieldIds.SuspicionInformation, ReportFieldIds.SuspicionNarrative };
}
