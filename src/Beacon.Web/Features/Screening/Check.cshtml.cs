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

    public Instrument Instrument { get; private set; } = null!;
    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];
    public Jurisdiction? County { get; private set; }
    public IReadOnlyList<Contact> National { get; private set; } = [];
    public IReadOnlyDictionary<string, int?> Answers { get; private set; } = new Dictionary<string, int?>();
    public ScreeningResult? Result { get; private set; }

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
        Answers = Screens.AnswerForm.Read(Instrument, Request.Form);
        Result = Scoring.Score(Instrument, Scoring.ToArray(Instrument, Answers));
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var instrument = (await instruments.CurrentAsync(HttpContext.RequestAborted)).Active(InstrumentId);
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
}
