using Beacon.Data.Entities;
using Beacon.Web.Features.Cases;

namespace Beacon.Web.Tests.Cases;

/// <summary>
/// The need-to-know rules (ADR-009) over every combination of role, scope and relationship: the cases
/// that matter by name, then properties that must hold for all of them.
/// </summary>
public sealed class CaseAccessRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 18, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid MyAgency = Guid.NewGuid();
    private static readonly Guid OtherAgency = Guid.NewGuid();

    private static StaffFacts Staff(bool supervisor, bool caseworker, string county = "placer") =>
        new(Me, MyAgency, county, supervisor, caseworker);

    private static CaseFacts Facts(
        Guid? agency = null, bool assigned = false, bool team = false, DateTime? invitationEnds = null,
        DateTime? glassEnds = null, SharedParts referred = SharedParts.None, string county = "placer") =>
        new(county, agency ?? OtherAgency, assigned ? Me : Guid.NewGuid(), team, invitationEnds, glassEnds, referred);

    [Fact]
    public void SupervisorOfTheOwningAgency_WorksAndReassigns()
    {
        var d = CaseAccessRules.Decide(Staff(supervisor: true, caseworker: false), Facts(agency: MyAgency), Now);
        Assert.Equal(CaseRelation.AgencySupervisor, d.Relation);
        Assert.True(d.CanWork && d.CanReassign && d.SeesWholeCase && d.Sees(CaseAccessDecision.AllParts));
    }

    [Fact]
    public void CaseworkerOfTheOwningAgency_NotAssignedNorOnTheTeam_HasNoNeedToKnow()
    {
        Assert.Equal(CaseRelation.None, CaseAccessRules.Decide(Staff(false, true), Facts(agency: MyAgency), Now).Relation);
    }

    [Fact]
    public void AssignedAndTeam_Work_ButDoNotReassign()
    {
        foreach (var facts in new[] { Facts(assigned: true), Facts(team: true) })
        {
            var d = CaseAccessRules.Decide(Staff(false, true), facts, Now);
            Assert.True(d.CanWork);
            Assert.False(d.CanReassign);
        }
    }

    [Fact]
    public void MdtInvitation_ReadsUntilItEnds()
    {
        var live = CaseAccessRules.Decide(Staff(false, true), Facts(invitationEnds: Now.AddMinutes(1)), Now);
        Assert.Equal(CaseRelation.Invited, live.Relation);
        Assert.True(live.SeesWholeCase);
        Assert.False(live.CanWork);
        Assert.Equal(CaseRelation.None, CaseAccessRules.Decide(Staff(false, true), Facts(invitationEnds: Now), Now).Relation);
    }

    [Fact]
    public void BrokenGlass_OnlyForSupervisors_ReadOnly_UntilTheGrantEnds()
    {
        var grant = Facts(glassEnds: Now.AddHours(1));
        var supervisor = CaseAccessRules.Decide(Staff(true, false), grant, Now);
        Assert.Equal(CaseRelation.BrokenGlass, supervisor.Relation);
        Assert.False(supervisor.CanWork);
        Assert.Equal(CaseRelation.None, CaseAccessRules.Decide(Staff(false, true), grant, Now).Relation);
        Assert.Equal(CaseRelation.None, CaseAccessRules.Decide(Staff(true, false), Facts(glassEnds: Now.AddSeconds(-1)), Now).Relation);
    }

    [Fact]
    public void Referral_SharesOnlyItsParts()
    {
        var d = CaseAccessRules.Decide(Staff(false, true), Facts(referred: SharedParts.Services | SharedParts.Identity), Now);
        Assert.Equal(CaseRelation.Referred, d.Relation);
        Assert.True(d.Sees(SharedParts.Services) && d.Sees(SharedParts.Identity));
        Assert.False(d.Sees(SharedParts.Notes) || d.Sees(SharedParts.SafetyPlan) || d.Sees(SharedParts.Screens));
        Assert.False(d.SeesWholeCase || d.CanWork);
    }

    public static TheoryData<bool, bool> RoleMixes => new() { { true, false }, { false, true }, { true, true }, { false, false } };

    /// <summary>Every combination of scope and relationship, for each mix of the two case roles.</summary>
    private static IEnumerable<CaseFacts> EveryCombination(string county)
    {
        DateTime?[] ends = [null, Now.AddDays(-1), Now.AddDays(1)];
        foreach (var agency in new[] { MyAgency, OtherAgency })
        foreach (var assigned in new[] { false, true })
        foreach (var team in new[] { false, true })
        foreach (var invitation in ends)
        foreach (var glass in ends)
        foreach (var referred in new[] { SharedParts.None, SharedParts.Notes, CaseAccessDecision.AllParts })
        {
            yield return Facts(agency, assigned, team, invitation, glass, referred, county);
        }
    }

    [Theory]
    [MemberData(nameof(RoleMixes))]
    public void AnotherCounty_IsNeverSeen_WhateverTheRelationship(bool supervisor, bool caseworker)
    {
        Assert.All(EveryCombination("monterey"), f => Assert.Equal(CaseRelation.None, CaseAccessRules.Decide(Staff(supervisor, caseworker), f, Now).Relation));
    }

    [Theory]
    [MemberData(nameof(RoleMixes))]
    public void EveryCombination_FollowsTheRules(bool supervisor, bool caseworker)
    {
        foreach (var f in EveryCombination("placer"))
        {
            var d = CaseAccessRules.Decide(Staff(supervisor, caseworker), f, Now);
            var worksCases = supervisor || caseworker;
            var owns = supervisor && f.AgencyId == MyAgency;
            var member = f.AssignedUserId == Me || f.IsTeamMember;
            var invited = f.InvitationEndsUtc > Now;
            var glass = supervisor && f.GlassEndsUtc > Now;
            var because = $"{f} as supervisor={supervisor} caseworker={caseworker}: {d}";

            // Work only through ownership or membership; reassignment only through ownership.
            Assert.True(d.CanWork == (worksCases && (owns || member)), because);
            Assert.True(d.CanReassign == (worksCases && owns), because);
            // Reading needs a relationship, and every relationship gives it.
            Assert.True(d.CanRead == (worksCases && (owns || member || invited || glass || f.ReferredParts != SharedParts.None)), because);
            // Only a referral alone limits what is seen, and then to exactly what it shares.
            if (d.Relation == CaseRelation.Referred)
            {
                Assert.Equal(f.ReferredParts, d.Parts);
                Assert.False(owns || member || invited || glass, because);
            }
            else if (d.CanRead)
            {
                Assert.Equal(CaseAccessDecision.AllParts, d.Parts);
            }
        }
    }

    [Fact]
    public void NoCaseRole_SeesNothing_EvenWithEveryRelationship()
    {
        var everything = Facts(MyAgency, assigned: true, team: true, Now.AddDays(1), Now.AddDays(1), CaseAccessDecision.AllParts);
        Assert.Equal(CaseAccessDecision.Refused, CaseAccessRules.Decide(Staff(false, false), everything, Now));
    }
}
