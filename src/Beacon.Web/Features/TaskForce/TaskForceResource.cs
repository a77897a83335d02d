namespace Beacon.Web;

/// <summary>
/// Marker for the task force strings in Resources/TaskForceResource(.es).resx. Like AdminResource, it
/// sits in the root namespace so that the localizer finds Resources/TaskForceResource.resx.
/// </summary>
public sealed class TaskForceResource;
