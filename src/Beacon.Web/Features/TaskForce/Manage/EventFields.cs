using System.Globalization;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>What a trainer types for an event. Times are California wall-clock times (datetime-local fields).</summary>
public class EventInput
{
    public string? Kind { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleEs { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionEs { get; set; }
    public string? Location { get; set; }
    public string? Starts { get; set; }
    public string? Ends { get; set; }
    public string? Capacity { get; set; }

    public static EventInput From(TaskForceEvent e) => new()
    {
        Kind = e.Kind.ToString(), TitleEn = e.TitleEn, TitleEs = e.TitleEs, DescriptionEn = e.DescriptionEn,
        DescriptionEs = e.DescriptionEs, Location = e.Location, Starts = EventTimes.ToInput(e.StartsUtc),
        Ends = EventTimes.ToInput(e.EndsUtc), Capacity = e.Capacity.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The checked values of <see cref="EventInput"/>, times in UTC.</summary>
public sealed record EventValues(
    TaskForceEventKind Kind, string TitleEn, string TitleEs, string DescriptionEn, string DescriptionEs, string Location,
    DateTime StartsUtc, DateTime EndsUtc, int Capacity)
{
    public void ApplyTo(TaskForceEvent e)
    {
        (e.Kind, e.TitleEn, e.TitleEs, e.DescriptionEn, e.DescriptionEs, e.Location) = (Kind, TitleEn, TitleEs, DescriptionEn, DescriptionEs, Location);
        (e.StartsUtc, e.EndsUtc, e.Capacity) = (StartsUtc, EndsUtc, Capacity);
    }
}

public static class EventFields
{
    public const int CapacityMax = 10_000;

    // What a datetime-local field sends, and what a person types where the browser shows a plain text box.
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>
    /// Checks every field. A new start time must be in the future; an existing event keeps its start
    /// (even a past one) without complaint, so a trainer can still correct a past event's title.
    /// </summary>
    public static EventValues? Check(EventInput input, FieldCheck check, DateTime now, DateTime? currentStartsUtc)
    {
        // By name only: Enum.TryParse would also take "1" or "7".
        TaskForceEventKind? kind = Enum.GetNames<TaskForceEventKind>().Contains(input.Kind) ? Enum.Parse<TaskForceEventKind>(input.Kind!) : null;
        if (kind is null)
        {
            check.Fail("Input.Kind", "Field.Kind", "Validation.Choose");
        }

        var titleEn = check.Text("Input.TitleEn", "Field.TitleEn", input.TitleEn, TaskForceEvent.TitleMax);
        var titleEs = check.Text("Input.TitleEs", "Field.TitleEs", input.TitleEs, TaskForceEvent.TitleMax);
        var descriptionEn = check.Text("Input.DescriptionEn", "Field.DescriptionEn", input.DescriptionEn, TaskForceEvent.DescriptionMax);
        var descriptionEs = check.Text("Input.DescriptionEs", "Field.DescriptionEs", input.DescriptionEs, TaskForceEvent.DescriptionMax);
        var location = check.Text("Input.Location", "Field.Location", input.Location, TaskForceEvent.LocationMax);
        var starts = Time(check, "Input.Starts", "Field.Starts", input.Starts);
        var ends = Time(check, "Input.Ends", "Field.Ends", input.Ends);
        var capacity = check.Number("Input.Capacity", "Field.Capacity", input.Capacity, 1, CapacityMax);
        // The form shows minutes only, so an unchanged start may differ from the stored one by seconds.
        var unchanged = starts is { } s0 && currentStartsUtc is { } c && Math.Abs((s0 - c).TotalMinutes) < 1;
        if (unchanged)
        {
            starts = currentStartsUtc;
        }
        else if (starts is { } s && s <= now)
        {
            check.Fail("Input.Starts", "Field.Starts", "Validation.InThePast");
            starts = null;
        }

        if (starts is { } from && ends is { } to && to <= from)
        {
            check.Fail("Input.Ends", "Field.Ends", "Validation.EndsBeforeStarts");
        }

        return check.IsValid
            ? new EventValues(kind!.Value, titleEn!, titleEs!, descriptionEn!, descriptionEs!, location!, starts!.Value, ends!.Value, capacity!.Value)
            : null;
    }

    private static DateTime? Time(FieldCheck check, string key, string labelKey, string? value)
    {
        var text = check.Text(key, labelKey, value, 32);
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            check.Fail(key, labelKey, "Validation.DateTime");
            return null;
        }

        if (!PacificTime.TryToUtc(local, out var utc))
        {
            check.Fail(key, labelKey, "Validation.SkippedTime");
            return null;
        }

        return utc;
    }
}
