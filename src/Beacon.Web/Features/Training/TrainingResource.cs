namespace Beacon.Web;

/// <summary>
/// Marker for the training pages' strings (Resources/TrainingResource*.resx). In the root namespace, like
/// CaseResource, so that the localizer finds Resources/TrainingResource.resx.
/// </summary>
public sealed class TrainingResource;
