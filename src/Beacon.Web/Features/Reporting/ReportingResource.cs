namespace Beacon.Web;

/// <summary>
/// Marker for the mandated-reporting pages' strings (Resources/ReportingResource*.resx), in the root
/// namespace so that the localizer finds Resources/ReportingResource.resx (see CaseResource).
/// </summary>
public sealed class ReportingResource;
