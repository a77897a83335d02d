namespace Beacon.Web;

/// <summary>
/// Marker for the intake queue's strings (Resources/IntakeResource*.resx). Like CaseResource, it sits in
/// the root namespace so that the localizer finds Resources/IntakeResource.resx.
/// </summary>
public sealed class IntakeResource;
