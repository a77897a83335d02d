using Microsoft.Extensions.Localization;

[assembly: RootNamespace("Beacon.Web")]

namespace Beacon.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource(.es).resx.</summary>
public sealed class SharedResource;
