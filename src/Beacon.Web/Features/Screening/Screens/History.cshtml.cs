using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>
/// Every screen the user may see about the same intake item or youth reference, oldest first, and
/// what changed from each finished screen to the next (level and answers, by catalog ID, so a quick
/// screen compares with a later full one).
/// </summary>
public sealed class HistoryModel(ScreenAccess access, ScreeningInstruments instruments, SensitiveText sensitive) : PageModel
{
    public sealed record Entry(SavedScreen Screen, Instrument? Instrument, ScreenChanges? Changes, SavedScreen? ComparedWith);

    public SavedScreen Screen { get; private set; } = null!;
    public string? Reference { get; private set; }
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    private InstrumentSet _set = new([]);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var screen = await access.FindAsync(id, User, HttpContext.RequestAborted);
        if (screen is null)
        {
            return NotFound();
        }

        Screen = screen;
        Reference = sensitive.Unprotect(screen.SubjectProtected);
        _set = await instruments.CurrentAsync(HttpContext.RequestAborted);
        var entries = new List<Entry>();
        SavedScreen? previous = null;
        foreach (var s in await access.SeriesAsync(screen, User, HttpContext.RequestAborted))
        {
            var instrument = _set.Find(s.InstrumentId, s.InstrumentVersion);
            ScreenChanges? changes = null;
            if (!s.IsDraft && previous is not null)
            {
                changes = ScreenComparison.Compare(
                    previous.Level, StoredScreen.ReadAnswers(previous), s.Level, StoredScreen.ReadAnswers(s),
                    instrument?.Items.Select(i => i.Id) ?? []);
            }

            entries.Add(new Entry(s, instrument, changes, changes is null ? null : previous));
            if (!s.IsDraft)
            {
                previous = s;
            }
        }

        Entries = entries;
        return Page();
    }

    /// <summary>An item's wording from whichever version of the series asked it.</summary>
    public string ItemText(string id, string lang) =>
        Entries.Select(e => e.Instrument?.Items.FirstOrDefault(i => i.Id == id)).FirstOrDefault(i => i is not null)?.Text.For(lang) ?? id;

    /// <summary>An answer in the wording of the scale of the instrument version that recorded it.</summary>
    public string AnswerText(SavedScreen screen, int? answer, string lang) =>
        _set.Find(screen.InstrumentId, screen.InstrumentVersion)?.ScaleLabel(answer).For(lang)
            ?? answer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
