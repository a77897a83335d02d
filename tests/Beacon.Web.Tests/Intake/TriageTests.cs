using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;

namespace Beacon.Web.Tests.Intake;

/// <summary>Assign, close and reopen: each a POST checked against the county's setting and the item's stamp, each audited.</summary>
[Trait("Category", "Data")]
public sealed class TriageTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static Dictionary<string, string> Assign(Guid assignee, string stamp) => new() { ["assignee"] = assignee.ToString(), ["stamp"] = stamp };

    private static Dictionary<string, string> Close(string reason, string note, string stamp, bool confirm) => new()
    {
        ["closeReason"] = reason, ["note"] = note, ["stamp"] = stamp, ["confirm"] = confirm ? "true" : "false",
    };

    [Fact]
    public async Task Assign_ToStaffWhoTriage_IsAssignedAuditedAndInTheHistory()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var colleague = await factory.CreateInAgencyAsync(county, "Probation", Roles.Supervisor);
        var item = await factory.TipItemAsync(county, DateTime.UtcNow.AddHours(-5));
        var page = await me.PageAsync($"/intake/{item.Id}");
        Assert.Contains($"<option value=\"{colleague.Id}\">", page);

        var response = await me.PostAsync($"/intake/{item.Id}?handler=Assign", Assign(colleague.Id, IntakeKit.StampOf(page)));

        IntakeKit.AssertBackToItem(response, item.Id);
        var assigned = await factory.ItemAsync(item.Id);
        Assert.Equal((IntakeStatus.Assigned, colleague.Id), (assigned.Status, assigned.AssignedUserId));
        Assert.True(assigned.LastActionUtc > item.LastActionUtc);
        Assert.NotNull(assigned.AssignedUtc);
        Assert.Equal([$"assign:{colleague.Id}"], await factory.TriageCodesAsync(item.Id));
        var after = await me.PageAsync($"/intake/{item.Id}");
        Assert.Contains("The item was assigned.", after);
        Assert.Contains("Assigned to Test User (by Test User)", after);
    }

    [Fact]
    public async Task Assign_ToSomeoneTheSettingLeavesOut_IsRefusedOnTheFieldAndChangesNothing()
    {
        var county = await factory.CountyAsync(roles: TriageRoles.Supervisor);
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        var caseworker = await factory.CreateInAgencyAsync(county, "Intake Agency", Roles.Caseworker);
        var elsewhere = await factory.CreateInAgencyAsync(await factory.CountyAsync(), "Intake Agency", Roles.Supervisor);
        var item = await factory.TipItemAsync(county);

        foreach (var person in new[] { caseworker.Id, elsewhere.Id })
        {
            var response = await me.PostAsync($"/intake/{item.Id}?handler=Assign", Assign(person, item.Stamp.ToString()));
            await IntakeKit.AssertFieldErrorAsync(response, "assignee", "Assign to: choose one of the people listed.");
        }

        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
        Assert.Empty(await factory.TriageCodesAsync(item.Id));
    }

    [Fact]
    public async Task Close_WithAReason_AsksToConfirmThenClosesKeepsTheItemAndAuditsTheReasonOnly()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        var item = await factory.TipItemAsync(county);
        const string note = "Spoke with the school: the adult is the youth's uncle, known to the family.";
        var form = await me.PageAsync($"/intake/{item.Id}/close");

        var review = await me.PostAsync($"/intake/{item.Id}/close", Close("NotCsec", note, IntakeKit.StampOf(form), confirm: false));

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var confirmation = await review.HtmlAsync();
        Assert.Contains("Close this item?", confirmation);
        Assert.Contains("Reason: Not commercial sexual exploitation.", confirmation);
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);

        var closed = await me.PostAsync($"/intake/{item.Id}/close", Close("NotCsec", note, IntakeKit.StampOf(confirmation), confirm: true));

        IntakeKit.AssertBackToItem(closed, item.Id);
        var stored = await factory.ItemAsync(item.Id);
        Assert.Equal((IntakeStatus.Closed, IntakeCloseReason.NotCsec, note, me.User.Id), (stored.Status, stored.CloseReason, stored.CloseNote, stored.ClosedByUserId));
        Assert.StartsWith("dp1:", await factory.RawAsync("IntakeItems", "CloseNote", item.Id), StringComparison.Ordinal);
        Assert.Equal(["close:NotCsec"], await factory.TriageCodesAsync(item.Id));
        Assert.DoesNotContain(await factory.ItemTrailAsync(item.Id), e => e.Detail?.Contains("uncle", StringComparison.Ordinal) == true);
        Assert.Contains($"/intake/{item.Id}", await me.PageAsync("/intake?status=closed"));
        Assert.DoesNotContain($"/intake/{item.Id}", await me.PageAsync("/intake"));
    }

    [Theory]
    [InlineData("", "", "closeReason", "Why close it: choose a reason.")]
    [InlineData("Other", " ", "note", "Note: say why the item is closed when the reason is \"Other\".")]
    [InlineData("Duplicate", "", "", "")]
    public async Task Close_ReasonAndNote_AReasonIsNeededAndANoteOnlyForOther(string reason, string note, string field, string message)
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var item = await factory.TipItemAsync(county);

        var response = await me.PostAsync($"/intake/{item.Id}/close", Close(reason, note, item.Stamp.ToString(), confirm: true));

        if (field.Length == 0)
        {
            IntakeKit.AssertBackToItem(response, item.Id); // a reason that needs no note closes without one
            Assert.Null((await factory.ItemAsync(item.Id)).CloseNote);
            return;
        }

        await IntakeKit.AssertFieldErrorAsync(response, field, message);
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
    }

    [Fact]
    public async Task Reopen_ClosedItem_IsOpenAgainWithTheReasonAsACodeInTheHistory()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var item = await factory.CallItemAsync(county, status: IntakeStatus.Closed);
        var missing = await me.PostAsync($"/intake/{item.Id}?handler=Reopen", new Dictionary<string, string> { ["stamp"] = item.Stamp.ToString() });
        await IntakeKit.AssertFieldErrorAsync(missing, "reason", "Why reopen it: choose a reason.");

        var response = await me.PostAsync($"/intake/{item.Id}?handler=Reopen",
            new Dictionary<string, string> { ["reason"] = "NewInformation", ["stamp"] = item.Stamp.ToString() });

        IntakeKit.AssertBackToItem(response, item.Id);
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
        Assert.Equal(["reopen:NewInformation"], await factory.TriageCodesAsync(item.Id));
        var page = await me.PageAsync($"/intake/{item.Id}");
        Assert.Contains("Reopened: New information came in (by Test User)", page);
        Assert.Contains("Closed before, then reopened", page);
        Assert.Contains($"/intake/{item.Id}", await me.PageAsync("/intake"));
    }

    [Fact]
    public async Task Triage_TwoPeopleAtOnce_TheSecondIsRefusedAndShownTheItemAsItIsNow()
    {
        var county = await factory.CountyAsync();
        var first = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var second = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        var item = await factory.TipItemAsync(county);
        var seenByFirst = IntakeKit.StampOf(await first.PageAsync($"/intake/{item.Id}"));
        var seenBySecond = IntakeKit.StampOf(await second.PageAsync($"/intake/{item.Id}"));

        IntakeKit.AssertBackToItem(await first.PostAsync($"/intake/{item.Id}?handler=Assign", Assign(first.User.Id, seenByFirst)), item.Id);
        var close = await second.PostAsync($"/intake/{item.Id}/close", Close("NotEnoughInformation", "", seenBySecond, confirm: true));
        var assign = await second.PostAsync($"/intake/{item.Id}?handler=Assign", Assign(second.User.Id, seenBySecond));

        foreach (var refused in new[] { close, assign })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Someone else triaged this item after you opened the page.", await refused.HtmlAsync());
        }

        var stored = await factory.ItemAsync(item.Id);
        Assert.Equal((IntakeStatus.Assigned, first.User.Id), (stored.Status, stored.AssignedUserId));
        Assert.Equal([$"assign:{first.User.Id}"], await factory.TriageCodesAsync(item.Id));
    }

    [Fact]
    public async Task NonTriagingSupervisor_ReadsTheQueueButEveryTriageIsRefusedAndAudited()
    {
        // Triage is the caseworkers' here; a supervisor of a triaging agency still oversees the queue.
        var county = await factory.CountyAsync(roles: TriageRoles.Caseworker);
        await factory.AddAsync(new Agency { JurisdictionId = county, Name = "Child Welfare Intake", TriagesIntake = true });
        var me = await factory.SignedInAsync(county, "Child Welfare Intake", Roles.Supervisor);
        var triager = await factory.SignedInAsync(county, "Child Welfare Intake", Roles.Caseworker);
        var item = await factory.TipItemAsync(county);
        var stamp = item.Stamp.ToString();

        Assert.Contains("Your county's triage setting does not include your role or agency", await me.PageAsync("/intake"));
        var teacher = await factory.SignedInAsync(county, "School District", Roles.Reporter);
        var screen = await teacher.Client.StartScreenAsync(new Dictionary<string, int?> { ["hotel-keys"] = 1 }, finish: true);
        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync($"/screening/{screen}")).StatusCode); // overseeing the queue, they read its screens
        var page = await me.PageAsync($"/intake/{item.Id}");
        Assert.Contains("you can read this item but not assign, link or close it", page);
        Assert.DoesNotContain("handler=Assign", page);
        var refused = new[]
        {
            await me.Client.GetAsync($"/intake/{item.Id}/close"),
            await me.Client.GetAsync($"/intake/{item.Id}/link"),
            await me.Client.GetAsync($"/youth/new?intake={item.Id}"),
            await me.PostAsync($"/intake/{item.Id}?handler=Assign", Assign(me.User.Id, stamp)),
            await me.PostAsync($"/intake/{item.Id}/close", Close("NotCsec", "", stamp, confirm: true)),
        };

        Assert.All(refused, r => Assert.Contains("/account/access-denied", r.Headers.Location?.OriginalString));
        Assert.Equal(5, (await factory.ItemTrailAsync(item.Id)).Count(e =>
            e is { Action: AuditAction.AccessRefused, Outcome: AuditOutcome.Refused, Detail: "triage" } && e.UserId == me.User.Id));
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
        // The setting's own people triage as usual.
        IntakeKit.AssertBackToItem(await triager.PostAsync($"/intake/{item.Id}?handler=Assign", Assign(triager.User.Id, stamp)), item.Id);
    }

    [Theory]
    [InlineData("agency", Roles.Caseworker)]
    [InlineData("agency", Roles.Supervisor)]
    [InlineData("role", Roles.Caseworker)]
    public async Task OutsideTheTriageSetting_TheQueueAndItsItemsAreTurnedAway(string leftOutBy, string role)
    {
        var county = await factory.CountyAsync(roles: leftOutBy == "role" ? TriageRoles.Supervisor : TriageRoles.Caseworker | TriageRoles.Supervisor);
        await factory.AddAsync(new Agency { JurisdictionId = county, Name = "Child Welfare Intake", TriagesIntake = leftOutBy == "agency" });
        var me = await factory.SignedInAsync(county, leftOutBy == "agency" ? "Probation" : "Child Welfare Intake", role);
        var item = await factory.TipItemAsync(county, what: "A tip only the triaging agency reads");
        var teacher = await factory.SignedInAsync(county, "School District", Roles.Reporter);
        var screen = await teacher.Client.StartScreenAsync(new Dictionary<string, int?> { ["hotel-keys"] = 1 }, reference: "STU-1", finish: true);

        var turnedAway = new[]
        {
            await me.Client.GetAsync("/intake"),
            await me.Client.GetAsync($"/intake/{item.Id}"),
            await me.Client.GetAsync($"/intake/tips/{item.TipId}"),
            await me.Client.GetAsync("/intake/calls/new"),
            await me.Client.GetAsync($"/youth/new?intake={item.Id}"),
        };

        Assert.All(turnedAway, r => Assert.Contains("/account/access-denied", r.Headers.Location?.OriginalString));
        Assert.DoesNotContain("href=\"/intake\"", await me.PageAsync("/staff"));
        // The screens that came into the queue are the intake staff's too: not found, and not found by their reference.
        Assert.Equal(HttpStatusCode.NotFound, (await me.Client.GetAsync($"/screening/{screen}")).StatusCode);
        Assert.DoesNotContain($"/screening/{screen}", await me.PageAsync("/screening?reference=STU-1"));
        Assert.DoesNotContain(await factory.ItemTrailAsync(item.Id), e => e.Action == AuditAction.View);
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
    }
}
