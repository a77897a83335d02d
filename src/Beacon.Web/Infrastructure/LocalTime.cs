using System.Globalization;
using Beacon.Core.TaskForce;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// A stored UTC time as staff and the public in the county read it: California time, in the
/// visitor's language, with the zone named (a device may be set to another zone).
/// </summary>
public static class LocalTime
{
    /// <summary>For one line of a table or list: "11/24/2026 9:00 AM PST".</summary>
    public static string Short(DateTime utc) =>
        $"{PacificTime.FromUtc(utc).ToString("g", CultureInfo.CurrentCulture)} {PacificTime.Abbreviation(utc)}";

    /// <summary>The California date of a time, written out: "November 25, 2026", "25 de noviembre de 2026".</summary>
    public static string LongDate(DateTime utc, CultureInfo culture) => LongDate(DateOnly.FromDateTime(PacificTime.FromUtc(utc)), culture);

    /// <summary>A California date written out, as <see cref="LongDate(DateTime, CultureInfo)"/>.</summary>
    public static string LongDate(DateOnly date, CultureInfo culture) =>
        date.ToString(culture.TwoLetterISOLanguageName == "es" ? "d 'de' MMMM 'de' yyyy" : "MMMM d, yyyy", culture);

    /// <summary>The machine-readable value of a time element.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary><c>&lt;local-time utc="@x" /&gt;</c> writes <c>&lt;time datetime="…Z"&gt;</c> with <see cref="LocalTime.Short"/> inside: one way for every page.</summary>
[HtmlTargetElement("local-time", Attributes = "utc", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTime Utc { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", LocalTime.Iso(Utc));
        output.Content.SetContent(LocalTime.Short(Utc));
    }
}
