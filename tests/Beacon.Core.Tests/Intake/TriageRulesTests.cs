using Beacon.Core.Accounts;
using Beacon.Core.Intake;

namespace Beacon.Core.Tests.Intake;

public class TriageRulesTests
{
    private static readonly Guid ChildWelfare = Guid.NewGuid();
    private static readonly Guid Probation = Guid.NewGuid();

    [Theory]
    [InlineData(true, true, Roles.Caseworker, true)]
    [InlineData(true, true, Roles.Supervisor, true)]
    [InlineData(false, true, Roles.Caseworker, false)]
    [InlineData(false, true, Roles.Supervisor, true)]
    [InlineData(true, false, Roles.Supervisor, false)]
    [InlineData(true, true, Roles.Reporter, false)]
    [InlineData(true, true, Roles.Administrator, false)]
    public void CanTriage_ByRole_FollowsTheCountySetting(bool caseworkers, bool supervisors, string role, bool expected)
    {
        var settings = new TriageSettings(caseworkers, supervisors, new HashSet<Guid>(), 24);

        Assert.Equal(expected, TriageRules.CanTriage(settings, [role], ChildWelfare));
    }

    [Fact]
    public void CanTriage_AgenciesNamed_OnlyThoseAgenciesTriage()
    {
        var settings = new TriageSettings(true, true, new HashSet<Guid> { ChildWelfare }, 24);

        Assert.True(TriageRules.CanTriage(settings, [Roles.Caseworker], ChildWelfare));
        Assert.False(TriageRules.CanTriage(settings, [Roles.Supervisor], Probation));
    }

    [Fact]
    public void CanTriage_NoAgencyNamed_EveryAgencyOfTheCountyTriages()
    {
        Assert.True(TriageRules.CanTriage(TriageSettings.Default, [Roles.Caseworker], Probation));
    }

    [Theory]
    [InlineData(Roles.Caseworker, true, true)]
    [InlineData(Roles.Supervisor, true, true)] // told of waiting items though triage is left to caseworkers
    [InlineData(Roles.Caseworker, false, false)]
    [InlineData(Roles.Supervisor, false, false)]
    [InlineData(Roles.Reporter, true, false)]
    public void CanSeeQueue_CaseworkersTriage_TheirAgencysSupervisorsSeeOthersDoNot(string role, bool triagingAgency, bool expected)
    {
        var settings = new TriageSettings(true, false, new HashSet<Guid> { ChildWelfare }, 24);

        Assert.Equal(expected, TriageRules.CanSeeQueue(settings, [role], triagingAgency ? ChildWelfare : Probation));
    }

    [Fact]
    public void IsFlagged_OpenItemPastTheTriageTime_IsFlaggedFromThatInstant()
    {
        var touched = new DateTime(2026, 3, 7, 20, 0, 0, DateTimeKind.Utc);

        Assert.False(TriageRules.IsFlagged(true, touched, 24, touched.AddHours(24).AddTicks(-1)));
        Assert.True(TriageRules.IsFlagged(true, touched, 24, touched.AddHours(24)));
        Assert.Equal(touched.AddHours(24), TriageRules.FlaggedFromUtc(touched, 24));
    }

    [Fact]
    public void IsFlagged_ClosedOrNoTriageTime_IsNeverFlagged()
    {
        var touched = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.False(TriageRules.IsFlagged(false, touched, 1, touched.AddDays(30)));
        Assert.False(TriageRules.IsFlagged(true, touched, null, touched.AddDays(30)));
        Assert.Null(TriageRules.FlaggedIfTouchedBeforeUtc(null, touched));
    }

    [Fact]
    public void FlaggedIfTouchedBeforeUtc_AgreesWithIsFlagged()
    {
        var now = new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc);
        var limit = TriageRules.FlaggedIfTouchedBeforeUtc(8, now)!.Value;

        Assert.True(TriageRules.IsFlagged(true, limit, 8, now));
        Assert.False(TriageRules.IsFlagged(true, limit.AddTicks(1), 8, now));
    }
}
