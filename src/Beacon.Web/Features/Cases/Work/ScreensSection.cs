using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>A saved screen as a case lists it: the instrument's title in the reader's language, and the youth reference typed with it.</summary>
public sealed record CaseScreenRow(SavedScreen Screen, string Title, string? Reference, string Author);

public sealed record ScreensSectionModel(OpenedCase Opened, IReadOnlyList<CaseScreenRow> Screens);

/// <summary>The screens the case has taken in (ADR-009); shown to a receiving agency only when the referral shares screens.</summary>
[CaseSection(20)]
public sealed class CaseScreensSection(BeaconDbContext db, ScreeningInstruments instruments, SensitiveText sensitive) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.Sees(SharedParts.Screens))
        {
            return Content("");
        }

        var screens = await db.SavedScreens.AsNoTracking().Include(s => s.Author).Where(s => s.CaseId == opened.Id)
            .OrderByDescending(s => s.CompletedUtc).ToListAsync(HttpContext.RequestAborted);
        return View(new ScreensSectionModel(opened, await CaseScreenRows.OfAsync(screens, instruments, sensitive, HttpContext.RequestAborted)));
    }
}

public static class CaseScreenRows
{
    public static async Task<IReadOnlyList<CaseScreenRow>> OfAsync(
        IEnumerable<SavedScreen> screens, ScreeningInstruments instruments, SensitiveText sensitive, CancellationToken ct)
    {
        var set = await instruments.CurrentAsync(ct);
        return screens.Select(s => new CaseScreenRow(
            s,
            set.Find(s.InstrumentId, s.InstrumentVersion)?.Title.For(Localization.Language) ?? s.InstrumentId,
            sensitive.Unprotect(s.SubjectProtected),
            s.Author?.DisplayName ?? "")).ToList();
    }
}
