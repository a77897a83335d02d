using Beacon.Web.Infrastructure;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Changes a note, by its author only: the change is a new version and every earlier text is kept.
/// The stamp is the version number the author started from, so an edit made from an older page is refused.
/// </summary>
public sealed class EditNoteModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public CaseNote Note { get; private set; } = null!;
    public string? Text { get; private set; }
    public int Stamp { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid noteId)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        if (!await FindAsync(noteId))
        {
            return await RefuseAsync("note-edit");
        }

        var latest = Note.Versions.MaxBy(v => v.Number)!;
        Text = latest.Text;
        Stamp = latest.Number;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid noteId, int stamp)
    {
        // Read from the form, not bound as a handler argument: MVC logs those at Trace level, and this is case text.
        string? text = Request.FormValue("text");
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        if (!await FindAsync(noteId))
        {
            return await RefuseAsync("note-edit");
        }

        Text = text;
        Stamp = stamp;
        var current = Note.Versions.Max(v => v.Number);
        if (stamp != current)
        {
            ModelState.AddModelError("", C["Error.Changed"]);
            return Page();
        }

        var checkedText = ReadText("text", text, CaseWorkLimits.NoteMax, "Notes.Text");
        if (checkedText is null)
        {
            return Page();
        }

        db.CaseNoteVersions.Add(new CaseNoteVersion
        {
            NoteId = Note.Id, Number = current + 1, Text = checkedText, EditedByUserId = User.UserId(), EditedUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(Aborted);
        }
        catch (DbUpdateException)
        {
            // The same version number saved from another window at the same moment (the index is unique).
            ModelState.AddModelError("", C["Error.Changed"]);
            return Page();
        }

        return await DoneAsync(AuditAction.Change, "note-edit", "Notes.Notice.Edited", CaseSections.Notes);
    }

    /// <summary>The note, on this case and written by the user: anyone else's note is not theirs to edit, and not found.</summary>
    private async Task<bool> FindAsync(Guid noteId)
    {
        var caseId = Case.Id;
        var me = User.UserId();
        var note = await db.CaseNotes.AsNoTracking().Include(n => n.Versions)
            .SingleOrDefaultAsync(n => n.Id == noteId && n.CaseId == caseId && n.AuthorId == me, Aborted);
        if (note is null || note.Versions.Count == 0)
        {
            return false;
        }

        Note = note;
        return true;
    }
}
