namespace Beacon.Web.Features.Cases;

/// <summary>Marker for the case pages' strings (Resources/CaseResource*.resx).</summary>
public sealed class CaseResource;
