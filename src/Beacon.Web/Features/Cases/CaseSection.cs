using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Cases;

/// <summary>
/// One section of a case's page (notes, tasks, referrals, meetings...): a view component given the
/// opened case, which shows only what <see cref="OpenedCase.Access"/> lets the user see. Sections are
/// found by reflection and shown in <see cref="CaseSectionAttribute.Order"/>, so a new one needs no
/// change to the case page.
/// </summary>
public abstract class CaseSection : ViewComponent
{
    /// <summary>
    /// The one public InvokeAsync, here and not in the sections: Razor's build-time check counts every
    /// public InvokeAsync up a view component's hierarchy, so an override plus the abstract method it
    /// overrides would be two (error RZ3901). Sections implement <see cref="ShowAsync"/>.
    /// </summary>
    public Task<IViewComponentResult> InvokeAsync(OpenedCase opened) => ShowAsync(opened);

    protected abstract Task<IViewComponentResult> ShowAsync(OpenedCase opened);

    /// <summary>Every section type, in page order.</summary>
    public static IReadOnlyList<Type> All { get; } = typeof(CaseSection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CaseSection)))
        .OrderBy(t => t.GetCustomAttribute<CaseSectionAttribute>()?.Order ?? int.MaxValue)
        .ThenBy(t => t.Name, StringComparer.Ordinal)
        .ToList();
}

/// <summary>Where a <see cref="CaseSection"/> goes on the case page: lower first.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CaseSectionAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
