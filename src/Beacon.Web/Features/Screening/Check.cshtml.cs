using Beacon.Core.Jurisdictions;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Screening;

/// <summary>
/// The public quick check. Answers are posted (so they stay out of the address bar and history),
/// scored, and shown with what to do next; nothing is stored anywhere.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CheckModel(ScreeningInstruments instruments, ContactDirectory directory, CurrentJurisdiction current) : PageModel
{
    public const string InstrumentId = "beacon-quick";
    public const string UnknownValue = "u";

    public Instrument Instrument { get; private set; } = null!;
    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];
    public Jurisdiction? County { get; private set; }
    public IReadOnlyList<Contact> National { get; private set; } = [];
    public IReadOnlyDictionary<string, int?> Answers { get; private set; } = new Dictionary<string, int?>();
    public ScreeningResult? Result { get; private set; }

    public static string FieldName(InstrumentItem item) => "a." + item.Id;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? county)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        County = Counties.FirstOrDefault(c => c.Id == county) ?? County;
        Answers = Instrument.Items.ToDictionary(i => i.Id, i => Parse(Request.Form[FieldName(i)].ToString()));
        Result = Scoring.Score(Instrument, Scoring.ToArray(Instrument, Answers));
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var instrument = instruments.Active(InstrumentId);
        if (instrument is null)
        {
            return false;
        }

        Instrument = instrument;
        Counties = await directory.CountiesAsync();
        National = await directory.NationalContactsAsync();
        County = await current.ResolveAsync(HttpContext);
        return true;
    }

    /// <summary>Anything but 0, 1 or 2 (including no answer) is unknown: it never counts as yes.</summary>
    private static int? Parse(string value) => value switch
    {
        "0" => 0,
        "1" => 1,
        "2" => 2,
        _ => null,
    };
}
