using Beacon.Web.Infrastructure;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>Adds a note to the case: its first version, with its author and time.</summary>
public sealed class NewNoteModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public string? Text { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) =>
        await OpenAsync(id, CaseOperation.Work) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        // Read from the form, not bound as a handler argument: MVC logs those at Trace level, and this is case text.
        string? text = Request.FormValue("text");
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        var (recordId, saved) = await RecordIdAsync(r => db.CaseNotes.Where(n => n.Id == r).Select(n => (Guid?)n.CaseId).SingleOrDefaultAsync(Aborted));
        if (saved)
        {
            return AlreadySaved(CaseSections.Notes);
        }

        Text = text;
        var checkedText = ReadText("text", text, CaseWorkLimits.NoteMax, "Notes.Text");
        if (checkedText is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.UserId();
        db.CaseNotes.Add(new CaseNote
        {
            Id = recordId, CaseId = id, AuthorId = me, CreatedUtc = now,
            Versions = [new CaseNoteVersion { Number = 1, Text = checkedText, EditedByUserId = me, EditedUtc = now }],
        });
        await db.SaveChangesAsync(Aborted);
        return await DoneAsync(AuditAction.Create, "note", "Notes.Notice.Added", CaseSections.Notes);
    }
}
