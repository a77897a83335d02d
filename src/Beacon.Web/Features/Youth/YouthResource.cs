namespace Beacon.Web;

/// <summary>
/// Marker for the youth-record and break-the-glass strings in Resources/YouthResource(.es).resx. It
/// sits in the root namespace so that the localizer finds the file there (see AdminResource).
/// </summary>
public sealed class YouthResource;
