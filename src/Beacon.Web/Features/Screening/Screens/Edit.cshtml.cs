using Beacon.Core.Audit;
using Beacon.Web.Features.Accounts;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Intake;
using Beacon.Web.Features.Learn;
using Beacon.Web.Features.Scanning;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>
/// A staff screen: start one with either instrument (optionally about an intake item or a youth
/// reference), save it as a draft and come back, or finish it. A finished screen never changes.
/// Without JavaScript the level is shown each time the draft is saved; with it, as answers change.
/// Above the questions, the note scanner suggests unanswered ones that the tip or the case's notes mention
/// (<see cref="ScreenSuggestions"/>); dismissing one is remembered for the screen and never touches an answer.
/// </summary>
public sealed class EditModel(
    BeaconDbContext db, ScreeningInstruments instruments, ScreenAccess access, SensitiveText sensitive, BlindIndex blindIndex,
    TimeProvider clock, IntakeGate intake, IStringLocalizer<ScreeningResource> s, ScreenSuggestions suggestions, LearnContent content,
    AuditTrail audit) : PageModel
{
    public const string NoticeKey = "Screening.Notice";
    public const string SubjectPurpose = "screen-subject";
    public const string AuditDetailDraft = "draft";
    public const string AuditDetailFinish = "finish";

    public IReadOnlyList<Instrument> Choices { get; private set; } = [];
    public Instrument? Instrument { get; private set; }
    public SavedScreen? Draft { get; private set; }
    public IReadOnlyDictionary<string, int?> Answers { get; private set; } = new Dictionary<string, int?>();
    public string? Reference { get; private set; }
    public Guid? TipId { get; private set; }
    public Guid Stamp { get; private set; }
    public ConcernLevel? SavedLevel { get; private set; }
    public IReadOnlyList<ScreenSuggestion> Suggestions { get; private set; } = [];
    /// <summary>The suggestions put aside: stored on a saved screen, carried by the form until a new one is first saved.</summary>
    public IReadOnlySet<string> Dismissed { get; private set; } = new HashSet<string>();
    public bool JustDismissed { get; private set; }
    /// <summary>Age band, gender and online platforms, optional (<see cref="ScreenProfile"/>).</summary>
    public YouthProfile Profile { get; private set; } = YouthProfile.Empty;

    private IFormCollection PostedForm => Request.HasFormContentType ? Request.Form : FormCollection.Empty;

    public async Task<IActionResult> OnGetAsync(Guid? id, string? instrument, Guid? tip, string? reference)
    {
        var set = await instruments.CurrentAsync(HttpContext.RequestAborted);
        if (id is { } draftId)
        {
            return await LoadDraftAsync(draftId, set) ? await WithSuggestionsAsync() : await NotEditableAsync(draftId);
        }

        // Checked before the choice of instrument too: the choice's links carry the tip on.
        if (tip is { } tipId && !await TipVisibleAsync(tipId))
        {
            return NotFound();
        }

        TipId = tip;
        Instrument = set.Active(instrument);
        if (Instrument is null)
        {
            Choices = set.ActiveFor(null).ToList();
            return Page();
        }

        Reference = reference?.Trim();
        return await WithSuggestionsAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? instrument, int version, Guid? tip, Guid stamp, string? action)
    {
        // The youth's reference is read from the form, not bound as a handler argument (MVC logs those at Trace level).
        var reference = Request.FormValue("reference").ToString();
        var set = await instruments.CurrentAsync(HttpContext.RequestAborted);
        SavedScreen screen;
        if (id is { } draftId)
        {
            if (!await LoadDraftAsync(draftId, set))
            {
                return await NotEditableAsync(draftId);
            }

            screen = Draft!;
            tip = screen.TipId;
            if (screen.Stamp != stamp)
            {
                ModelState.AddModelError("", s["Screen.Error.Changed"]);
            }
        }
        else
        {
            Instrument = set.Find(instrument, version);
            if (Instrument is null || Instrument.Retired)
            {
                // Retired (or replaced) between showing the form and posting it.
                ModelState.AddModelError("", s["Screen.Error.Retired"]);
                Instrument = set.Active(instrument);
                if (Instrument is null)
                {
                    return NotFound();
                }
            }

            if (tip is { } tipId && !await TipVisibleAsync(tipId))
            {
                return NotFound();
            }

            screen = new SavedScreen
            {
                JurisdictionId = User.CountyId(),
                AuthorId = User.UserId(),
                AgencyId = User.AgencyId(),
                InstrumentId = Instrument.Id,
                InstrumentVersion = Instrument.Version,
                AnswersJson = "{}",
                ReasonsJson = "{}",
                TipId = tip,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            Dismissed = DismissedSuggestions.Of(Request.FormValue("dismissed"), content.Catalog);
            screen.DismissedSuggestionsJson = DismissedSuggestions.Write(Dismissed);
        }

        Answers = AnswerForm.Read(Instrument!, PostedForm);
        Profile = ScreenProfile.Read(PostedForm, ModelState, s);
        TipId = tip;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (Reference is { Length: > SavedScreen.SubjectReferenceMax })
        {
            ModelState.AddModelError("reference", s["Screen.Error.ReferenceTooLong", SavedScreen.SubjectReferenceMax, Reference.Length]);
        }

        if (!ModelState.IsValid)
        {
            // The stamp the form was opened with stays: after "changed in another window", saving
            // again keeps failing until the draft is reopened, so nobody overwrites work unseen.
            Stamp = id is null ? screen.Stamp : stamp;
            return await WithSuggestionsAsync();
        }

        var finish = action == "finish";
        var now = clock.GetUtcNow().UtcDateTime;
        StoredScreen.Score(screen, Instrument!, Answers);
        ScreenProfile.Write(screen, Profile, Answers, finish);
        screen.SubjectProtected = sensitive.ProtectOrNull(Reference);
        // A reference of only spaces and punctuation normalises to nothing: it is kept (encrypted) but
        // indexes nothing, or every such screen would join one youth's history.
        var normalised = Reference is null ? "" : BlindIndex.NormaliseReference(Reference);
        screen.SubjectIndex = normalised.Length == 0 ? null : await blindIndex.ComputeAsync(SubjectPurpose, normalised, HttpContext.RequestAborted);
        screen.UpdatedUtc = now;
        screen.CompletedUtc = finish ? now : null;
        screen.Stamp = Guid.NewGuid();
        if (id is null)
        {
            db.SavedScreens.Add(screen);
        }

        // Finishing also puts the screen in the county's intake queue: both are saved, or neither.
        await using var tx = finish ? await db.Database.BeginTransactionAsync(HttpContext.RequestAborted) : null;
        if (finish)
        {
            await IntakeFromScreens.OnFinishingAsync(db, screen, HttpContext.RequestAborted);
            Analytics.ScreenFacts.AddFor(db, screen);
        }

        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", s["Screen.Error.Changed"]);
            Stamp = stamp;
            return await WithSuggestionsAsync();
        }

        Guid? reopened = null;
        if (tx is not null)
        {
            if (screen.TipId is { } aboutTip)
            {
                await IntakeFromScreens.RaiseTipLevelAsync(db, aboutTip, HttpContext.RequestAborted);
                reopened = await IntakeFromScreens.ReopenClosedTipAsync(db, screen, now, HttpContext.RequestAborted);
            }

            await tx.CommitAsync(HttpContext.RequestAborted);
        }

        // One entry per save, once it is stored: new or changed, draft or finish, the screen's id (never its reference).
        await audit.WriteAsync(id is null ? AuditAction.Create : AuditAction.Change, AuditRecordTypes.Screen, screen.Id.ToString(),
            AuditOutcome.Allowed, finish ? AuditDetailFinish : AuditDetailDraft, HttpContext.RequestAborted);
        if (reopened is { } item)
        {
            await intake.RecordAsync(AuditAction.Change, item, TriageCodes.ReopenFor(IntakeReopenReason.NewInformation), HttpContext.RequestAborted);
        }

        TempData[NoticeKey] = finish ? "Screen.Notice.Finished" : "Screen.Notice.Saved";
        return finish ? RedirectToPage("Details", new { id = screen.Id }) : RedirectToPage("Edit", new { id = screen.Id });
    }

    /// <summary>
    /// "Dismiss" on a suggestion: remembered for the screen (stored at once on a saved draft, carried by the form
    /// before the first save), and the form shown again as it was sent, answers and reference unsaved and untouched.
    /// </summary>
    public async Task<IActionResult> OnPostDismissAsync(Guid? id, string? instrument, int version, Guid? tip, Guid stamp, string? dismiss)
    {
        // The youth's reference is read from the form, not bound as a handler argument (MVC logs those at Trace level).
        var reference = Request.FormValue("reference").ToString();
        var set = await instruments.CurrentAsync(HttpContext.RequestAborted);
        if (id is { } draftId)
        {
            if (!await LoadDraftAsync(draftId, set))
            {
                return await NotEditableAsync(draftId);
            }
        }
        else
        {
            Instrument = set.Find(instrument, version) ?? set.Active(instrument);
            if (Instrument is null || (tip is { } tipId && !await TipVisibleAsync(tipId)))
            {
                return NotFound();
            }

            TipId = tip;
            Dismissed = DismissedSuggestions.Of(Request.FormValue("dismissed"), content.Catalog);
        }

        Answers = AnswerForm.Read(Instrument!, PostedForm);
        Profile = ScreenProfile.Read(PostedForm, null, s);
        Reference = reference?.Trim();
        Stamp = stamp;
        if (dismiss is not null && content.Catalog.Contains(dismiss))
        {
            Dismissed = Dismissed.Append(dismiss).ToHashSet(StringComparer.Ordinal);
            JustDismissed = true;
            if (Draft is { } draft)
            {
                // Only this column changes: the answers and the stamp stay as they are, so the form's save still works.
                draft.DismissedSuggestionsJson = DismissedSuggestions.Write(Dismissed);
                try
                {
                    await db.SaveChangesAsync(HttpContext.RequestAborted);
                }
                catch (DbUpdateConcurrencyException)
                {
                    ModelState.AddModelError("", s["Screen.Error.Changed"]);
                    JustDismissed = false;
                }
            }
        }

        return await WithSuggestionsAsync();
    }

    private async Task<IActionResult> WithSuggestionsAsync()
    {
        if (Instrument is not null)
        {
            Suggestions = await suggestions.ForAsync(User, Instrument, Answers, TipId, Draft?.CaseId, Dismissed, HttpContext.RequestAborted);
        }

        return Page();
    }

    private async Task<bool> LoadDraftAsync(Guid id, InstrumentSet set)
    {
        var screen = await (await access.VisibleAsync(User, HttpContext.RequestAborted)).SingleOrDefaultAsync(x => x.Id == id, HttpContext.RequestAborted);
        if (screen is null || !screen.IsDraft || screen.AuthorId != User.UserId())
        {
            return false;
        }

        Instrument = set.Find(screen.InstrumentId, screen.InstrumentVersion);
        if (Instrument is null)
        {
            return false;
        }

        Draft = screen;
        Answers = StoredScreen.ReadAnswers(screen);
        Reference = sensitive.Unprotect(screen.SubjectProtected);
        TipId = screen.TipId;
        Stamp = screen.Stamp;
        SavedLevel = screen.Level;
        Dismissed = DismissedSuggestions.Read(screen.DismissedSuggestionsJson);
        Profile = ScreenProfile.Load(screen);
        return true;
    }

    /// <summary>A finished screen the user may see opens read-only; anything else is not found.</summary>
    private async Task<IActionResult> NotEditableAsync(Guid id) =>
        await (await access.VisibleAsync(User, HttpContext.RequestAborted)).AnyAsync(x => x.Id == id, HttpContext.RequestAborted)
            ? RedirectToPage("Details", new { id })
            : NotFound();

    private async Task<bool> TipVisibleAsync(Guid tipId)
    {
        var county = User.CountyId();
        return await access.SeesCountyAsync(User, HttpContext.RequestAborted) && await db.Tips.AnyAsync(t => t.Id == tipId && t.JurisdictionId == county, HttpContext.RequestAborted);
    }
}
