namespace Beacon.Web;

/// <summary>
/// Marker for the note scanner's strings in the pages (Resources/ScanResource*.resx): highlighted findings,
/// the /scan page and the full screen's "rate it?" suggestions. Like CaseResource, it sits in the root
/// namespace so that the localizer finds Resources/ScanResource.resx.
/// </summary>
public sealed class ScanResource;
