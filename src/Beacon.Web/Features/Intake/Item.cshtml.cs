using Beacon.Core.Intake;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// <c>/intake/{id}</c>: one item of the user's county, what it came from (the tip's text, the screen,
/// the call), its triage history from the audit trail, and for those the county lets triage: assign it,
/// link it to a case (its own pages), close it (its own page, with a confirmation) or reopen it. Every
/// look is audited; another county's item is 404.
/// </summary>
public sealed class ItemModel(
    BeaconDbContext db, IntakeGate gate, TriageSettingsReader triage, TimeProvider clock, IStringLocalizer<IntakeResource> i,
    CaseAccess cases, ScreenAccess screens, SensitiveText sensitive, AuditTrail audit)
    : TriagePage(db, gate, triage, clock, i)
{
    public sealed record Candidate(Guid Id, string Name);

    public ItemSource Source { get; private set; } = null!;
    public IReadOnlyList<TriageStep> History { get; private set; } = [];
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public IntakeAge Age { get; private set; }
    public int? TriageHours { get; private set; }
    public bool Flagged { get; private set; }

    [BindProperty(Name = "assignee")]
    public Guid? Assignee { get; set; }

    [BindProperty(Name = "reason")]
    public string? ReopenReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, toTriage: false) is { } stop)
        {
            return stop;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id)
    {
        if (await OpenAsync(id, toTriage: true) is { } stop)
        {
            return stop;
        }

        var candidates = await CandidatesAsync();
        var chosen = candidates.FirstOrDefault(c => c.Id == Assignee);
        if (Stamp != Item.Stamp && Item.IsOpen && Item.AssignedUserId is { } current && current == Assignee)
        {
            return BackToItem("Notice.Assigned"); // the same form sent twice: done the first time
        }

        if (!Item.IsOpen)
        {
            ModelState.AddModelError("", I["Error.NotOpen"]);
        }
        else if (StampMatches())
        {
            if (Assignee is null)
            {
                ModelState.AddModelError("assignee", I["Assign.Error.Choose"]);
            }
            else if (chosen is null)
            {
                ModelState.AddModelError("assignee", I["Assign.Error.NotTriager"]);
            }
            else if (chosen.Id == Item.AssignedUserId)
            {
                ModelState.AddModelError("assignee", I["Assign.Error.Same", chosen.Name]);
            }
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        Item.Status = IntakeStatus.Assigned;
        Item.AssignedUserId = chosen!.Id;
        Item.AssignedUtc = Now;
        Touch();
        return await SaveAsync() ? await DoneAsync(TriageCodes.AssignTo(chosen.Id), "Notice.Assigned") : await ShowAgainAsync();
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id)
    {
        if (await OpenAsync(id, toTriage: true) is { } stop)
        {
            return stop;
        }

        var valid = Enum.TryParse<IntakeReopenReason>(ReopenReason, out var reason) && Enum.IsDefined(reason);
        if (Item.Status != IntakeStatus.Closed)
        {
            if (Stamp != Item.Stamp && Item.IsOpen)
            {
                return BackToItem("Notice.Reopened"); // the same form sent twice: done the first time
            }

            ModelState.AddModelError("", I["Error.NotClosed"]);
        }
        else if (StampMatches() && !valid)
        {
            ModelState.AddModelError("reason", I["Reopen.Error.Reason"]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        // Back to where it was before it was closed: with its assignee if it had one.
        Item.Status = Item.AssignedUserId is null ? IntakeStatus.New : IntakeStatus.Assigned;
        Touch();
        return await SaveAsync() ? await DoneAsync(TriageCodes.ReopenFor(reason), "Notice.Reopened") : await ShowAgainAsync();
    }

    /// <summary>The page again with the form's errors: it shows the item, so the look is audited like a GET.</summary>
    private async Task<IActionResult> ShowAgainAsync()
    {
        await Gate.ViewedAsync(Item, Aborted);
        Stamp = Item.Stamp;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var settings = await Triage.ForCountyAsync(Item.JurisdictionId, Aborted);
        TriageHours = settings.Hours;
        Age = IntakeAge.Between(Item.ReceivedUtc, Now);
        Flagged = TriageRules.IsFlagged(Item.IsOpen, Item.LastActionUtc, settings.Hours, Now);
        Source = await ItemSource.ReadAsync(Item, User, Db, cases, screens, sensitive, audit, Aborted);
        History = await TriageHistory.ReadAsync(Db, Item.Id, Aborted);
        Candidates = MayTriage && Item.IsOpen ? await CandidatesAsync() : [];
    }

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync()
    {
        var settings = await Triage.ForCountyAsync(User.CountyId(), Aborted);
        return (await Triage.Triagers(User.CountyId(), settings).AsNoTracking()
                .Select(u => new Candidate(u.Id, u.DisplayName)).ToListAsync(Aborted))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id).ToList();
    }
}
