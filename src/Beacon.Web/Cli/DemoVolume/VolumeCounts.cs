using Beacon.Core.Screening;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>What the volume wrote, kind by kind (a batch's own, then added to the total when the batch commits).</summary>
public sealed class VolumeCounts
{
    public int Screens { get; set; }
    public int Facts { get; set; }
    public int None { get; set; }
    public int Possible { get; set; }
    public int Clear { get; set; }
    public int Youth { get; set; }
    public int Cases { get; set; }
    public int StatusChanges { get; set; }
    public int Meetings { get; set; }
    public int Referrals { get; set; }
    public int Services { get; set; }
    public int Tips { get; set; }
    public int IntakeItems { get; set; }
    public int Reports { get; set; }

    public void Level(ConcernLevel level)
    {
        switch (level)
        {
            case ConcernLevel.None: None++; break;
            case ConcernLevel.Possible: Possible++; break;
            default: Clear++; break;
        }
    }

    public void Add(VolumeCounts batch)
    {
        Screens += batch.Screens;
        Facts += batch.Facts;
        None += batch.None;
        Possible += batch.Possible;
        Clear += batch.Clear;
        Youth += batch.Youth;
        Cases += batch.Cases;
        StatusChanges += batch.StatusChanges;
        Meetings += batch.Meetings;
        Referrals += batch.Referrals;
        Services += batch.Services;
        Tips += batch.Tips;
        IntakeItems += batch.IntakeItems;
        Reports += batch.Reports;
    }

    public void Reset() => (Screens, Facts, None, Possible, Clear, Youth, Cases, StatusChanges, Meetings, Referrals, Services, Tips, IntakeItems, Reports)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
