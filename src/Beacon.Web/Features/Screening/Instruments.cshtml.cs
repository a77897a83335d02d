using Beacon.Core.Screening;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Screening;

/// <summary>The screening instruments Beacon has loaded, with their FHIR Questionnaire downloads.</summary>
public sealed class InstrumentsModel(ScreeningInstruments instruments) : PageModel
{
    public IReadOnlyList<Instrument> All { get; private set; } = [];

    public async Task OnGetAsync() => All = (await instruments.CurrentAsync(HttpContext.RequestAborted)).All;
}
