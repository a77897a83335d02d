namespace Beacon.Web;

/// <summary>
/// Marker for the work queue, reassignment and export strings in Resources/QueueResource(.es).resx.
/// Like AdminResource, it sits in the root namespace so that the localizer finds the file.
/// </summary>
public sealed class QueueResource;
