using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>The safety plan, services, team and screens of a case: each change saved and audited, the checks, stale pages.</summary>
[Trait("Category", "Data")]
public sealed class PlanServicesTeamScreensTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    // --- Safety plan --------------------------------------------------------------------------------

    [Fact]
    public async Task SafetyPlan_WriteThenChange_SavesAuditsAndRefusesAStalePage()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var first = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/safety-plan"));
        Assert.Equal("0", first);

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/safety-plan", new() { ["text"] = "Safe adult: aunt", ["stamp"] = first }), c.Id, "case-safety-plan");
        var second = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/safety-plan"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/safety-plan", new() { ["text"] = "Safe adult: aunt and coach", ["stamp"] = second }), c.Id, "case-safety-plan");
        var stale = await worker.PostAsync($"/cases/{c.Id}/safety-plan", new() { ["text"] = "From an old tab", ["stamp"] = second });

        await CaseWorkKit.AssertChangedElsewhereAsync(stale);
        var plan = await factory.QueryAsync(db => db.SafetyPlans.AsNoTracking().SingleAsync(p => p.CaseId == c.Id));
        Assert.Equal(("Safe adult: aunt and coach", worker.User.Id), (plan.Text, plan.UpdatedByUserId));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Create, "safety-plan"));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "safety-plan"));
        Assert.Contains("Safe adult: aunt and coach", await worker.PageAsync($"/cases/{c.Id}"));
    }

    [Fact]
    public async Task SafetyPlan_TooLong_NamesTheFieldAndSavesNothing()
    {
        var (worker, c) = await factory.AssignedCaseAsync();

        var response = await worker.PostAsync($"/cases/{c.Id}/safety-plan", new() { ["text"] = new string('p', 8001), ["stamp"] = "0" });

        await CaseWorkKit.AssertFieldErrorAsync(response, "text", "“Safety plan” can be at most 8000 characters; it has 8001.");
        Assert.False(await factory.QueryAsync(db => db.SafetyPlans.AnyAsync(p => p.CaseId == c.Id)));
    }

    // --- Services ----------------------------------------------------------------------------------

    [Fact]
    public async Task Service_AddThenChangeStatus_SavesAuditsAndRefusesAStaleStatus()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var provider = await factory.CreateInAgencyAsync(CaseWorkKit.County, "Provider " + Guid.NewGuid().ToString("N")[..6], Roles.Caseworker);

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/services",
            new() { ["kind"] = "MentalHealth", ["providerId"] = provider.AgencyId.ToString(), ["status"] = "Planned" }), c.Id, "case-services");
        var service = await factory.QueryAsync(db => db.CaseServices.AsNoTracking().SingleAsync(s => s.CaseId == c.Id));
        Assert.Equal((ServiceKind.MentalHealth, provider.AgencyId, ServiceStatus.Planned), (service.Kind, service.ProviderAgencyId, service.Status));
        var stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/services"));

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/services?handler=Status",
            new() { ["serviceId"] = service.Id.ToString(), ["status"] = "Active", ["stamp"] = stamp }), c.Id, "case-services");
        var stale = await worker.PostAsync($"/cases/{c.Id}/services?handler=Status",
            new() { ["serviceId"] = service.Id.ToString(), ["status"] = "Declined", ["stamp"] = stamp });

        await CaseWorkKit.AssertChangedElsewhereAsync(stale);
        Assert.Equal(ServiceStatus.Active, await factory.QueryAsync(db => db.CaseServices.Where(s => s.Id == service.Id).Select(s => s.Status).SingleAsync()));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Create, "service"));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "service-status"));
    }

    [Fact]
    public async Task Service_BadFields_NameEachFieldAndSaveNothing()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var otherCounty = await factory.CreateInAgencyAsync("placer", CaseWorkKit.NewAgency(), Roles.Caseworker);

        var noKind = await worker.PostAsync($"/cases/{c.Id}/services", new() { ["kind"] = "", ["providerId"] = "", ["status"] = "Planned" });
        var foreign = await worker.PostAsync($"/cases/{c.Id}/services", new() { ["kind"] = "Legal", ["providerId"] = otherCounty.AgencyId.ToString(), ["status"] = "Planned" });
        var badStatus = await worker.PostAsync($"/cases/{c.Id}/services", new() { ["kind"] = "Legal", ["providerId"] = "", ["status"] = "Paused" });

        await CaseWorkKit.AssertFieldErrorAsync(noKind, "kind", "Choose the kind of service.");
        await CaseWorkKit.AssertFieldErrorAsync(foreign, "providerId", "Choose the provider agency from the list of the county's agencies.");
        await CaseWorkKit.AssertFieldErrorAsync(badStatus, "status", "Choose the status from the list.");
        Assert.Equal(0, await factory.QueryAsync(db => db.CaseServices.CountAsync(s => s.CaseId == c.Id)));
    }

    // --- Team --------------------------------------------------------------------------------------

    [Fact]
    public async Task Team_AddColleagueThenRemove_SavesAuditsAndGivesThenEndsAccess()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var colleague = await factory.SignInAsync(await AgencyNameAsync(worker), Roles.Caseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Client.GetAsync($"/cases/{c.Id}")).StatusCode);

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/team", new() { ["userId"] = colleague.User.Id.ToString() }), c.Id, "case-team");
        var member = await factory.QueryAsync(db => db.CaseMembers.AsNoTracking().SingleAsync(m => m.CaseId == c.Id && m.UserId == colleague.User.Id));
        Assert.Equal(CaseMemberKind.Team, member.Kind);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync($"/cases/{c.Id}")).StatusCode);

        Assert.Contains("Yes, remove from the team", await worker.PageAsync($"/cases/{c.Id}/team/{member.Id}/remove"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/team/{member.Id}/remove", new()), c.Id, "case-team");

        Assert.False(await factory.QueryAsync(db => db.CaseMembers.AnyAsync(m => m.Id == member.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Client.GetAsync($"/cases/{c.Id}")).StatusCode);
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "team-add"));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "team-remove"));
    }

    [Fact]
    public async Task Team_AddSomeoneOfAnotherAgencyOrAReporter_NamesTheFieldAndSavesNothing()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var otherAgency = await factory.CreateInAgencyAsync(CaseWorkKit.County, CaseWorkKit.NewAgency(), Roles.Caseworker);
        var reporter = await factory.CreateInAgencyAsync(CaseWorkKit.County, await AgencyNameAsync(worker), Roles.Reporter);

        foreach (var person in new[] { otherAgency, reporter })
        {
            var response = await worker.PostAsync($"/cases/{c.Id}/team", new() { ["userId"] = person.Id.ToString() });
            await CaseWorkKit.AssertFieldErrorAsync(response, "userId", "Choose a person from the list (someone may have added them already).");
        }

        Assert.False(await factory.QueryAsync(db => db.CaseMembers.AnyAsync(m => m.CaseId == c.Id)));
    }

    // --- Screens -----------------------------------------------------------------------------------

    [Fact]
    public async Task Screen_AttachedWithItsIntakeItemOpen_TheItemIsLinkedAndDetachedGoesBackToTheQueue()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var screen = await WriteScreenAsync(worker.User, finished: true);
        var item = new IntakeItem
        {
            JurisdictionId = screen.JurisdictionId, Source = IntakeSource.Screen, ScreenId = screen.Id, Level = screen.Level,
            ReceivedUtc = screen.CompletedUtc!.Value, LastActionUtc = screen.CompletedUtc.Value,
        };
        await factory.AddAsync(item);

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/screens/attach", new() { ["screenId"] = screen.Id.ToString() }), c.Id, "case-screens");

        var linked = await factory.QueryAsync(db => db.IntakeItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal((IntakeStatus.Linked, c.Id, c.YouthId), (linked.Status, linked.CaseId!.Value, linked.YouthId!.Value));
        Assert.NotEqual(item.Stamp, linked.Stamp);
        Assert.Contains(await factory.EntriesAsync(), e =>
            e is { Action: AuditAction.Change, RecordType: AuditRecordTypes.IntakeItem, Detail: "link" } && e.RecordId == item.Id.ToString() && e.UserId == worker.User.Id);

        // Taken out again: the item is back in the queue, as it was.
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/screens/{screen.Id}/detach", new()), c.Id, "case-screens");
        var back = await factory.QueryAsync(db => db.IntakeItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal((IntakeStatus.New, null, null), (back.Status, back.CaseId, back.YouthId));
        Assert.Contains(await factory.EntriesAsync(), e =>
            e is { Action: AuditAction.Change, RecordType: AuditRecordTypes.IntakeItem, Detail: "unlink" } && e.RecordId == item.Id.ToString());
    }

    [Fact]
    public async Task Screen_AttachThenDetach_SavesAuditsAndListsIt()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var screen = await WriteScreenAsync(worker.User, finished: true);
        Assert.Contains(screen.Id.ToString(), await worker.PageAsync($"/cases/{c.Id}/screens/attach"));

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/screens/attach", new() { ["screenId"] = screen.Id.ToString() }), c.Id, "case-screens");
        Assert.Equal(c.Id, await CaseOfAsync(screen));
        Assert.Contains($"href=\"/screening/{screen.Id}\"", await worker.PageAsync($"/cases/{c.Id}"));
        Assert.DoesNotContain(screen.Id.ToString(), await worker.PageAsync($"/cases/{c.Id}/screens/attach"));

        Assert.Contains("Yes, take it out of the case", await worker.PageAsync($"/cases/{c.Id}/screens/{screen.Id}/detach"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/screens/{screen.Id}/detach", new()), c.Id, "case-screens");

        Assert.Null(await CaseOfAsync(screen));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "screen-attach"));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "screen-detach"));
    }

    [Fact]
    public async Task Screen_DraftOtherCountyOrAlreadyOnACase_IsRefusedWithTheFieldNamed()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var (_, other) = await factory.AssignedCaseAsync();
        var draft = await WriteScreenAsync(worker.User, finished: false);
        var placer = await WriteScreenAsync(await factory.CreateInAgencyAsync("placer", CaseWorkKit.NewAgency(), Roles.Caseworker), finished: true);
        var taken = await WriteScreenAsync(worker.User, finished: true, caseId: other.Id);

        foreach (var screen in new[] { draft, placer, taken })
        {
            var response = await worker.PostAsync($"/cases/{c.Id}/screens/attach", new() { ["screenId"] = screen.Id.ToString() });
            await CaseWorkKit.AssertFieldErrorAsync(response, "screenId", "Choose one of the screens listed (it may have been attached to a case in the meantime).");
        }

        Assert.Null(await CaseOfAsync(draft));
        Assert.Null(await CaseOfAsync(placer));
        Assert.Equal(other.Id, await CaseOfAsync(taken));
        // A screen of another case is not this case's to take out.
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsync($"/cases/{c.Id}/screens/{taken.Id}/detach", new())).StatusCode);
        Assert.Equal(other.Id, await CaseOfAsync(taken));
    }

    private async Task<SavedScreen> WriteScreenAsync(TestUser author, bool finished, Guid? caseId = null)
    {
        var county = await factory.QueryAsync(db => db.Agencies.Where(a => a.Id == author.AgencyId).Select(a => a.JurisdictionId).SingleAsync());
        var screen = new SavedScreen
        {
            JurisdictionId = county, AgencyId = author.AgencyId, AuthorId = author.Id, InstrumentId = "beacon-full", InstrumentVersion = 1,
            AnswersJson = "{}", ReasonsJson = "{}", Level = ConcernLevel.Possible, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            CompletedUtc = finished ? DateTime.UtcNow : null, CaseId = caseId,
        };
        await factory.AddAsync(screen);
        return screen;
    }

    private Task<Guid?> CaseOfAsync(SavedScreen screen) =>
        factory.QueryAsync(db => db.SavedScreens.Where(s => s.Id == screen.Id).Select(s => s.CaseId).SingleAsync());

    private async Task<string> AgencyNameAsync(Staff staff) =>
        await factory.QueryAsync(db => db.Agencies.Where(a => a.Id == staff.User.AgencyId).Select(a => a.Name).SingleAsync());
}
