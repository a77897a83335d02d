using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Features.Screening.Screens;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>
/// Makes finished screens as a screener would: answers drawn for a level, scored by the app's own scoring
/// (<see cref="StoredScreen.Score"/>), and the item facts that finishing a screen writes (<see cref="ScreenFacts.AddFor"/>).
/// Mostly the full instrument, some quick ones.
/// </summary>
public sealed class ScreenMaker(BeaconDbContext db, DemoAnswers full, DemoAnswers quick, Random random, VolumeCounts counts)
{
    public const double QuickShare = 0.15;

    /// <summary>Adds a screen finished at <paramref name="completed"/>; the caller links it to a case or tip if it is one's.</summary>
    public SavedScreen Add(string county, VolumeAgency agency, Guid author, DateTime completed, ConcernLevel aim, Guid? caseId = null, Guid? tipId = null)
    {
        var answers = random.Chance(QuickShare) ? quick : full;
        var screen = new SavedScreen
        {
            JurisdictionId = county, AgencyId = agency.Id, AuthorId = author,
            InstrumentId = answers.Instrument.Id, InstrumentVersion = answers.Instrument.Version, AnswersJson = "{}", ReasonsJson = "{}",
            CaseId = caseId, TipId = tipId,
            // Opened a few minutes to a day or two before it was finished (a screen is often saved as a draft first).
            CreatedUtc = completed - random.Hours(0.05, random.Chance(0.7) ? 1 : 40), UpdatedUtc = completed, CompletedUtc = completed,
        };
        var given = answers.For(aim, random);
        StoredScreen.Score(screen, answers.Instrument, given);
        DemoProfile.Apply(screen, given, random);
        db.SavedScreens.Add(screen);
        var facts = ScreenFacts.Of(screen).ToList();
        db.ScreenItemFacts.AddRange(facts);
        counts.Screens++;
        counts.Facts += facts.Count;
        counts.Level(screen.Level);
        return screen;
    }

    /// <summary>
    /// A screen of concern that no case took in: finishing it put it in the county's intake queue (as
    /// <c>IntakeFromScreens</c> does), where triage closed it, or, for the last few days' screens, it still waits.
    /// </summary>
    public void AddQueued(SavedScreen screen, Guid triager, DateTime nowUtc)
    {
        if (screen.Level is not (ConcernLevel.Possible or ConcernLevel.Clear) || screen.TipId is not null)
        {
            return;
        }

        var finished = screen.CompletedUtc!.Value;
        var item = new IntakeItem
        {
            JurisdictionId = screen.JurisdictionId, Source = IntakeSource.Screen, ReceivedUtc = finished, Level = screen.Level,
            ScreenId = screen.Id, Status = IntakeStatus.New, LastActionUtc = finished,
        };
        var assigned = finished + random.Hours(0.5, 30);
        if (assigned < nowUtc)
        {
            (item.Status, item.AssignedUserId, item.AssignedUtc, item.LastActionUtc) = (IntakeStatus.Assigned, triager, assigned, assigned);
            var closed = assigned + random.Hours(1, 160);
            if (closed < nowUtc)
            {
                (item.Status, item.ClosedUtc, item.ClosedByUserId, item.LastActionUtc) = (IntakeStatus.Closed, closed, triager, closed);
                item.CloseReason = random.Weighted<IntakeCloseReason>([
                    (IntakeCloseReason.NotCsec, 45), (IntakeCloseReason.NotEnoughInformation, 22), (IntakeCloseReason.Duplicate, 10),
                    (IntakeCloseReason.HandledElsewhere, 13), (IntakeCloseReason.OtherCounty, 4), (IntakeCloseReason.Other, 6)]);
            }
        }

        db.IntakeItems.Add(item);
        counts.IntakeItems++;
    }
}
