using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Work;

public sealed record NotesSectionModel(OpenedCase Opened, Guid Me, IReadOnlyList<NotesSectionModel.Row> Notes)
{
    /// <summary>A note as listed: its latest version, and how many there are (more than one: edited).</summary>
    public sealed record Row(CaseNote Note, CaseNoteVersion Latest, int Versions, string Author);

    /// <summary>A case's notes as the notes section lists them (and the screen's suggestions read them): newest first.</summary>
    public static async Task<IReadOnlyList<Row>> ReadRowsAsync(BeaconDbContext db, Guid caseId, CancellationToken ct)
    {
        var notes = await db.CaseNotes.AsNoTracking().Include(n => n.Versions).Where(n => n.CaseId == caseId)
            .OrderByDescending(n => n.CreatedUtc).ToListAsync(ct);
        var names = await StaffNames.OfAsync(db, notes.Select(n => n.AuthorId), ct);
        return notes.Where(n => n.Versions.Count > 0)
            .Select(n => new Row(n, n.Versions.MaxBy(v => v.Number)!, n.Versions.Count, names.Of(n.AuthorId)))
            .ToList();
    }
}

/// <summary>The case's notes, newest first, each with its latest text; an edited note links to its earlier versions.</summary>
[CaseSection(30)]
public sealed class CaseNotesSection(BeaconDbContext db) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.Sees(SharedParts.Notes))
        {
            return Content("");
        }

        var rows = await NotesSectionModel.ReadRowsAsync(db, opened.Id, HttpContext.RequestAborted);
        return View(new NotesSectionModel(opened, UserClaimsPrincipal.UserId(), rows));
    }
}
