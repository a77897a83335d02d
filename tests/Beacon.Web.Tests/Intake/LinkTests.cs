using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;
using Beacon.Web.Tests.YouthRecords;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Intake;

/// <summary>Linking an item to a youth record and case: an existing case the user works, or a new record and case made through the youth pages.</summary>
[Trait("Category", "Data")]
public sealed class LinkTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly Dictionary<string, int?> Possible = new() { ["hotel-keys"] = 1 };

    private Task<int> CaseEntriesAsync(Guid caseId, TestUser user, AuditAction action, string detail) =>
        factory.QueryAsync(db => db.AuditLog.CountAsync(e =>
            e.RecordType == AuditRecordTypes.Case && e.RecordId == caseId.ToString() && e.UserId == user.Id && e.Action == action && e.Detail == detail));

    [Fact]
    public async Task LinkToExistingCase_TheUsersOwn_LinksTakesTheTipsScreensInAndAuditsBoth()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(YouthTestKit.UniqueName(), "Guardian Someone", county);
        var c = await factory.WriteCaseAsync(youth, me.User.AgencyId, me.User);
        var item = await factory.TipItemAsync(county);
        var screen = await me.Client.StartScreenAsync(Possible, finish: true, tip: item.TipId);
        var form = await me.PageAsync($"/intake/{item.Id}/link");
        Assert.Contains($"value=\"{c.Id}\"", form);
        Assert.Contains("Xime", form); // the youth, as the user's own case shows them

        var response = await me.PostAsync($"/intake/{item.Id}/link",
            new Dictionary<string, string> { ["caseId"] = c.Id.ToString(), ["stamp"] = IntakeKit.StampOf(form) });

        IntakeKit.AssertBackToItem(response, item.Id);
        var linked = await factory.ItemAsync(item.Id);
        Assert.Equal((IntakeStatus.Linked, c.Id, youth.Id), (linked.Status, linked.CaseId, linked.YouthId));
        Assert.Equal(c.Id, (await factory.ScreenAsync(screen)).CaseId);
        Assert.Equal(["link"], await factory.TriageCodesAsync(item.Id));
        Assert.Equal(1, await CaseEntriesAsync(c.Id, me.User, AuditAction.Change, "intake-link"));
        var casePage = await me.PageAsync($"/cases/{c.Id}");
        Assert.Contains("From intake", casePage);
        Assert.Contains($"href=\"/intake/{item.Id}\"", casePage);
        Assert.Contains($"href=\"/cases/{c.Id}\"", await me.PageAsync($"/intake/{item.Id}"));
    }

    [Fact]
    public async Task LinkToExistingCase_OneTheUserDoesNotWork_IsRefusedAndNothingChanges()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var owner = await factory.CreateInAgencyAsync(county, "Probation", Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(YouthTestKit.UniqueName(), "Guardian Someone", county);
        var theirs = await factory.WriteCaseAsync(youth, owner.AgencyId, owner);
        var item = await factory.TipItemAsync(county);
        Assert.DoesNotContain(theirs.Id.ToString(), await me.PageAsync($"/intake/{item.Id}/link"));

        var response = await me.PostAsync($"/intake/{item.Id}/link",
            new Dictionary<string, string> { ["caseId"] = theirs.Id.ToString(), ["stamp"] = item.Stamp.ToString() });

        await IntakeKit.AssertFieldErrorAsync(response, "caseId", "The case to link: choose one of the open cases listed.");
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
        Assert.Equal(1, await CaseEntriesAsync(theirs.Id, me.User, AuditAction.AccessRefused, "Work"));
    }

    [Fact]
    public async Task LinkToNewYouthAndCase_MadeOnTheYouthForm_AreCreatedTogetherAndTheItemLinked()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var item = await factory.CallItemAsync(county);
        var form = await me.PageAsync($"/youth/new?intake={item.Id}");
        Assert.Contains("Save, open the case and link the item", form);
        var fields = YouthTestKit.Form(YouthTestKit.UniqueName());
        fields["intakeStamp"] = item.Stamp.ToString();

        var response = await me.PostAsync($"/youth/new?intake={item.Id}", fields);

        IntakeKit.AssertBackToItem(response, item.Id);
        var linked = await factory.ItemAsync(item.Id);
        Assert.Equal(IntakeStatus.Linked, linked.Status);
        var c = await factory.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == linked.CaseId));
        Assert.Equal((linked.YouthId!.Value, me.User.AgencyId, me.User.Id, CaseStatus.Open), (c.YouthId, c.AgencyId, c.AssignedUserId, c.Status));
        Assert.Equal(["link-new"], await factory.TriageCodesAsync(item.Id));
        Assert.Equal(1, await CaseEntriesAsync(c.Id, me.User, AuditAction.Create, "opened; intake-link"));
        Assert.Contains("The youth record and a case were created, and the item was linked to the case.", await me.PageAsync($"/intake/{item.Id}"));
    }

    [Fact]
    public async Task LinkToNewYouthAndCase_ItemTriagedMeanwhile_SavesNeitherRecordNorCase()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var item = await factory.CallItemAsync(county);
        var name = YouthTestKit.UniqueName();
        var fields = YouthTestKit.Form(name);
        fields["intakeStamp"] = Guid.NewGuid().ToString(); // the form was shown before someone else's triage

        var response = await me.PostAsync($"/youth/new?intake={item.Id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else triaged the intake item after you opened this page", await response.HtmlAsync());
        Assert.Equal(0, await factory.QueryAsync(db => db.Youth.CountAsync(y => y.JurisdictionId == county)));
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
    }

    [Fact]
    public async Task LinkToNewYouth_RecordAlreadyExists_OpeningACaseOnItLinksTheItem()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var name = YouthTestKit.UniqueName();
        var existing = await me.Client.CreateYouthAsync(YouthTestKit.Form(name)); // made by the user, no case yet
        var item = await factory.TipItemAsync(county);
        var fields = YouthTestKit.Form(name);
        fields["intakeStamp"] = item.Stamp.ToString();

        var offer = await (await me.PostAsync($"/youth/new?intake={item.Id}", fields)).HtmlAsync();
        Assert.Contains($"action=\"/youth/{existing}?handler=OpenCase\"", offer);
        Assert.Contains($"name=\"intake\" value=\"{item.Id}\"", offer);

        var response = await me.PostAsync($"/youth/{existing}?handler=OpenCase",
            new Dictionary<string, string> { ["intake"] = item.Id.ToString(), ["intakeStamp"] = item.Stamp.ToString() });

        IntakeKit.AssertBackToItem(response, item.Id);
        var linked = await factory.ItemAsync(item.Id);
        Assert.Equal((IntakeStatus.Linked, existing), (linked.Status, linked.YouthId));
        Assert.Equal(me.User.Id, await factory.QueryAsync(db => db.Cases.Where(c => c.Id == linked.CaseId).Select(c => c.AssignedUserId).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.Youth.CountAsync(y => y.JurisdictionId == county)));
        Assert.Equal(["link"], await factory.TriageCodesAsync(item.Id));
    }

    [Fact]
    public async Task LinkedItem_ForACaseworkerNotOnTheCase_KeepsWhatTheTipSaysToTheCase()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var other = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(YouthTestKit.UniqueName(), "Guardian Someone", county);
        var c = await factory.WriteCaseAsync(youth, me.User.AgencyId, me.User);
        var item = await factory.TipItemAsync(county, what: "Seen at the motel on Route 1 with two older men");
        Assert.Contains("Seen at the motel on Route 1", await other.PageAsync($"/intake/{item.Id}"));
        IntakeKit.AssertBackToItem(await me.PostAsync($"/intake/{item.Id}/link",
            new Dictionary<string, string> { ["caseId"] = c.Id.ToString(), ["stamp"] = item.Stamp.ToString() }), item.Id);

        var page = await other.PageAsync($"/intake/{item.Id}");

        Assert.DoesNotContain("Seen at the motel on Route 1", page);
        Assert.Contains("This item is linked to a case you do not work on", page);
        Assert.DoesNotContain($"href=\"/cases/{c.Id}\"", page);
        Assert.Contains("Seen at the motel on Route 1", await me.PageAsync($"/intake/{item.Id}"));
    }
}
