using Beacon.Web.Features.Accounts;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>
/// Where staff screens start: my drafts, my finished screens, and for caseworkers and supervisors a
/// search of the county's screens by youth reference (through the blind index, never by decrypting).
/// </summary>
public sealed class IndexModel(ScreenAccess access, ScreeningInstruments instruments, BlindIndex blindIndex) : PageModel
{
    public const int ListSize = 25;

    public sealed record Row(SavedScreen Screen, string Title);

    public IReadOnlyList<Row> Drafts { get; private set; } = [];
    public IReadOnlyList<Row> Finished { get; private set; } = [];
    public IReadOnlyList<Row>? Found { get; private set; }
    public string? Reference { get; private set; }
    /// <summary>The county's intake staff: they may look a youth reference up across the county's screens.</summary>
    public bool SeesCounty { get; private set; }

    public async Task OnGetAsync(string? reference)
    {
        var set = await instruments.CurrentAsync(HttpContext.RequestAborted);
        Row ToRow(SavedScreen s) => new(s, set.Find(s.InstrumentId, s.InstrumentVersion)?.Title.For(Localization.Language) ?? s.InstrumentId);
        var me = User.UserId();
        var visible = await access.VisibleAsync(User, HttpContext.RequestAborted);
        SeesCounty = await access.SeesCountyAsync(User, HttpContext.RequestAborted);
        var mine = visible.Where(s => s.AuthorId == me).OrderByDescending(s => s.UpdatedUtc);
        // Two lists of their own, so that many finished screens never push a draft out of sight.
        Drafts = (await mine.Where(s => s.CompletedUtc == null).Take(ListSize).ToListAsync(HttpContext.RequestAborted)).Select(ToRow).ToList();
        Finished = (await mine.Where(s => s.CompletedUtc != null).Take(ListSize).ToListAsync(HttpContext.RequestAborted)).Select(ToRow).ToList();

        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (Reference is not null && BlindIndex.NormaliseReference(Reference).Length > 0)
        {
            var index = await blindIndex.ComputeAsync(EditModel.SubjectPurpose, BlindIndex.NormaliseReference(Reference), HttpContext.RequestAborted);
            Found = (await visible.Include(s => s.Author).Where(s => s.SubjectIndex == index)
                .OrderByDescending(s => s.CreatedUtc).Take(ListSize).ToListAsync(HttpContext.RequestAborted)).Select(ToRow).ToList();
        }
    }
}
