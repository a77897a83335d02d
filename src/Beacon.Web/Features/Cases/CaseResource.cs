namespace Beacon.Web;

/// <summary>
/// Marker for the case pages' strings (Resources/CaseResource*.resx). Like AdminResource, it sits in
/// the root namespace so that the localizer finds Resources/CaseResource.resx (in
/// Beacon.Web.Features.Cases it looked for Resources/Features/Cases/CaseResource.resx and showed keys).
/// </summary>
public sealed class CaseResource;
