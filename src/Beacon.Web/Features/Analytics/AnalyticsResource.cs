namespace Beacon.Web;

/// <summary>
/// Marker for the task-force figures' strings (Resources/AnalyticsResource*.resx). In the root
/// namespace, like CaseResource, so that the localizer finds Resources/AnalyticsResource.resx.
/// </summary>
public sealed class AnalyticsResource;
