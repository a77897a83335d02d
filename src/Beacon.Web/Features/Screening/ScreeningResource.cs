namespace Beacon.Web;

/// <summary>Marker for the screening strings in Resources/ScreeningResource(.es).resx.</summary>
public sealed class ScreeningResource;
