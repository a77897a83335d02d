namespace Beacon.Web;

/// <summary>
/// Marker for the referral and MDT meeting strings in Resources/SharingResource(.es).resx. In the root
/// namespace, like AdminResource, so that the localizer finds Resources/SharingResource.resx.
/// </summary>
public sealed class SharingResource;
