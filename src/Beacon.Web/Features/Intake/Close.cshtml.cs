using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// <c>/intake/{id}/close</c>: closes an open item with a reason, and a note (required when the reason
/// is "other"), in two steps that work without JavaScript: the form, then a confirmation that says what
/// closing means. Closing is a status: the item stays in the queue with its history and can be reopened.
/// The note is stored encrypted and never enters the audit trail, which records the reason's code only.
/// </summary>
public sealed class CloseModel(
    BeaconDbContext db, IntakeGate gate, TriageSettingsReader triage, TimeProvider clock, IStringLocalizer<IntakeResource> i)
    : TriagePage(db, gate, triage, clock, i)
{
    [BindProperty(Name = "closeReason")]
    public string? Reason { get; set; }

    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    /// <summary>"Yes, close it", pressed on the confirmation.</summary>
    [BindProperty(Name = "confirm")]
    public bool Confirmed { get; set; }

    /// <summary>"Change the reason or note", pressed on the confirmation: the form again, as it was filled in.</summary>
    [BindProperty(Name = "edit")]
    public bool Editing { get; set; }

    /// <summary>The form was filled in correctly: show the confirmation.</summary>
    public bool Confirming { get; private set; }

    public IntakeCloseReason? ParsedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, toTriage: true) is { } stop)
        {
            return stop;
        }

        return Item.IsOpen ? Page() : BackToItem("Notice.NotOpen");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, toTriage: true) is { } stop)
        {
            return stop;
        }

        ParsedReason = Enum.TryParse<IntakeCloseReason>(Reason, out var reason) && Enum.IsDefined(reason) ? reason : null;
        if (Item.Status == IntakeStatus.Closed && Stamp != Item.Stamp && Item.ClosedByUserId == User.UserId() && Item.CloseReason == ParsedReason)
        {
            return BackToItem("Notice.Closed"); // the same confirmation sent twice: closed the first time
        }

        if (!Item.IsOpen)
        {
            return BackToItem("Notice.NotOpen");
        }

        if (Editing || !StampMatches())
        {
            Stamp = Item.Stamp;
            return await ShowAsync();
        }

        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        if (ParsedReason is null)
        {
            ModelState.AddModelError("closeReason", I["Close.Error.Reason"]);
        }
        else if (ParsedReason == IntakeCloseReason.Other && Note is null)
        {
            ModelState.AddModelError("note", I["Close.Error.NoteForOther"]);
        }

        if (Note is { Length: > IntakeItem.NoteMax })
        {
            ModelState.AddModelError("note", I["Error.TooLong", I["Close.Note"], IntakeItem.NoteMax, Note.Length]);
        }

        if (!ModelState.IsValid || !Confirmed)
        {
            Confirming = ModelState.IsValid;
            return await ShowAsync();
        }

        Item.Status = IntakeStatus.Closed;
        Item.CloseReason = ParsedReason;
        Item.CloseNote = Note;
        Item.ClosedUtc = Now;
        Item.ClosedByUserId = User.UserId();
        Touch();
        if (!await SaveAsync())
        {
            return await ShowAsync();
        }

        return await DoneAsync(TriageCodes.CloseFor(ParsedReason!.Value), "Notice.Closed");
    }

    /// <summary>The form again (with its errors, or the confirmation): it shows the item, so the look is audited like a GET.</summary>
    private async Task<IActionResult> ShowAsync()
    {
        await Gate.ViewedAsync(Item, Aborted);
        return Page();
    }
}
