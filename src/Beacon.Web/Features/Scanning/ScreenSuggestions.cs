using System.Security.Claims;
using Beacon.Core.Audit;
using Beacon.Core.Catalog;
using Beacon.Core.Scanning;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Cases.Work;
using Beacon.Web.Features.Learn;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Scanning;

/// <summary>
/// The full screen's "rate it?" suggestions: the note scanner reads what the screen is about (the tip, and the
/// notes of the case the screen belongs to, or will join as its tip's case) and offers each catalog item it
/// finds stated or uncertain whose question is unanswered and not dismissed. It never answers anything.
/// Every text is read only as its own pages would let the user read it, and the read is audited as they audit
/// it: the tip as a view of the tip, the notes as a view of the case (detail <see cref="NotesRead"/>).
/// </summary>
public sealed class ScreenSuggestions(
    BeaconDbContext db, CaseAccess cases, CaseGate gate, ScreenAccess screens, SensitiveText sensitive, AuditTrail audit, LearnContent content)
{
    public const string NotesRead = "note-suggestions";
    public const string TipRead = "scan-suggestions";

    private sealed record Source(string Text, MentionSource From);

    /// <summary>Which question of the instrument each catalog item is asked by (its own ID, or one it lists as "also").</summary>
    public static IReadOnlyDictionary<string, InstrumentItem> QuestionsOf(Instrument instrument, IndicatorCatalog catalog)
    {
        var questions = new Dictionary<string, InstrumentItem>(StringComparer.Ordinal);
        foreach (var item in instrument.Items)
        {
            foreach (var id in item.Also.Prepend(item.Id).Where(catalog.Contains))
            {
                questions.TryAdd(id, item);
            }
        }

        return questions;
    }

    /// <summary>
    /// The suggestions for a staff instrument's screen, in the order of its questions; none for the public's
    /// instruments, and nothing is read when every question the scanner could point to is answered or dismissed.
    /// </summary>
    public async Task<IReadOnlyList<ScreenSuggestion>> ForAsync(ClaimsPrincipal user, Instrument instrument, IReadOnlyDictionary<string, int?> answers,
        Guid? tipId, Guid? caseId, IReadOnlySet<string> dismissed, CancellationToken ct)
    {
        if (instrument.Audience != InstrumentAudience.Staff)
        {
            return [];
        }

        var open = QuestionsOf(instrument, content.Catalog)
            .Where(q => !dismissed.Contains(q.Key) && (!answers.TryGetValue(q.Value.Id, out var answer) || answer is null))
            .ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        if (open.Count == 0)
        {
            return [];
        }

        var sources = await ReadAsync(user, tipId, caseId, ct);
        var lang = Localization.Language;
        var mentions = sources
            .SelectMany(s => content.Scanners.Scan(s.Text).Findings.Select(f => (Finding: f, s.From)))
            .Where(m => m.Finding.Status != FindingStatus.Negated && open.ContainsKey(m.Finding.Indicator))
            .GroupBy(m => m.Finding.Indicator, StringComparer.Ordinal);
        var order = instrument.Items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return mentions
            .Select(g => new ScreenSuggestion(g.Key, open[g.Key].Id, content.Catalog.Find(g.Key)?.Text.For(lang) ?? g.Key,
                g.Any(m => m.Finding.Status == FindingStatus.Present) ? FindingStatus.Present : FindingStatus.Uncertain,
                g.OrderBy(m => m.Finding.Status == FindingStatus.Present ? 0 : 1)
                    .Select(m => new SuggestionMention(m.Finding.Text, m.Finding.Status, m.Finding.Cue, m.From)).ToList()))
            .OrderBy(s => order[s.ItemId]).ThenBy(s => s.Indicator, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<Source>> ReadAsync(ClaimsPrincipal user, Guid? tipId, Guid? caseId, CancellationToken ct)
    {
        var county = user.CountyId();
        var tipItem = tipId is { } t
            ? await db.IntakeItems.AsNoTracking().Where(i => i.TipId == t && i.JurisdictionId == county)
                .Select(i => new { i.CaseId }).SingleOrDefaultAsync(ct)
            : null;
        // The case the tip's item is linked to: the one a screen about the tip joins when finished.
        var tipCase = tipItem?.CaseId;
        var decisions = new Dictionary<Guid, (Case Case, CaseAccessDecision Access)>();
        foreach (var id in new[] { caseId, tipCase }.OfType<Guid>().Distinct())
        {
            if (await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.JurisdictionId == county, ct) is { } found)
            {
                decisions[id] = (found, await cases.DecideAsync(user, found, ct));
            }
        }

        var sources = new List<Source>();
        // The tip as its intake item shows it: hidden once linked to a case the user does not see whole (ItemSource).
        var tipReadable = tipItem is not null && (tipCase is { } linked
            ? decisions.TryGetValue(linked, out var l) && l.Access.SeesWholeCase
            : await screens.SeesCountyAsync(user, ct));
        if (tipReadable && await db.Tips.AsNoTracking().SingleOrDefaultAsync(x => x.Id == tipId, ct) is { } tip)
        {
            await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Tip, tip.Id.ToString(), AuditOutcome.Allowed, TipRead, ct);
            sources.AddRange(new[] { tip.WhatProtected, tip.WhereProtected, tip.WhenProtected, tip.WhoProtected }
                .Select(sensitive.Unprotect).OfType<string>().Select(text => new Source(text, MentionSource.Tip)));
        }

        // The notes of the screen's case, as the case's notes section shows them, and audited as a look at the case.
        var aboutCase = caseId ?? tipCase;
        if (aboutCase is { } cid && decisions.TryGetValue(cid, out var d) && d.Access.CanRead && d.Access.Sees(SharedParts.Notes))
        {
            var rows = await NotesSectionModel.ReadRowsAsync(db, cid, ct);
            await gate.RecordAsync(AuditAction.View, new OpenedCase(d.Case, d.Access), NotesRead, ct);
            sources.AddRange(rows.Select(r => new Source(r.Latest.Text, new MentionSource(r.Note.Id, r.Note.CreatedUtc, r.Author))));
        }

        return sources;
    }
}
