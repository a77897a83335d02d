using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>Every version of a note, newest first: who wrote it, when, and the text as it was.</summary>
public sealed class NoteModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db) : CaseWorkPage(gate, c)
{
    public sealed record Version(CaseNoteVersion Text, string By);

    public CaseNote Note { get; private set; } = null!;
    public string Author { get; private set; } = "";
    public IReadOnlyList<Version> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid noteId)
    {
        // A read: the gate audits the look as a view of the case.
        if (!await OpenAsync(id, CaseOperation.Read))
        {
            return NotFound();
        }

        var note = Opened.Access.Sees(SharedParts.Notes)
            ? await db.CaseNotes.AsNoTracking().Include(n => n.Versions).SingleOrDefaultAsync(n => n.Id == noteId && n.CaseId == id, Aborted)
            : null;
        if (note is null)
        {
            return await RefuseAsync("note");
        }

        Note = note;
        var names = await StaffNames.OfAsync(db, note.Versions.Select(v => v.EditedByUserId).Append(note.AuthorId), Aborted);
        Author = names.Of(note.AuthorId);
        Versions = note.Versions.OrderByDescending(v => v.Number).Select(v => new Version(v, names.Of(v.EditedByUserId))).ToList();
        return Page();
    }
}
