namespace Beacon.Web;

/// <summary>
/// Marker for the administration strings in Resources/AdminResource(.es).resx. It sits in the root
/// namespace on purpose: the localizer maps a marker's full name, less the root namespace, to a path
/// under Resources/, so <c>Beacon.Web.AdminResource</c> finds Resources/AdminResource.resx.
/// </summary>
public sealed class AdminResource;
