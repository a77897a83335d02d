using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.YouthRecords;

/// <summary>
/// Youth records through the pages: creating one (with the duplicate offer), seeing it, changing it
/// with a stamp, opening a case on it, and the audit entries each of those writes.
/// </summary>
[Trait("Category", "Data")]
public sealed class YouthRecordTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Create_ValidForm_SavesCiphertextAuditsAndShowsTheRecord()
    {
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var name = YouthTestKit.UniqueName();

        var id = await client.CreateYouthAsync(YouthTestKit.Form(name));

        var youth = await factory.YouthAsync(id);
        Assert.Equal((name, "placer", me.Id), (youth.LegalName, youth.JurisdictionId, youth.CreatedByUserId));
        Assert.Equal(new DateOnly(2011, 2, 27), youth.DateOfBirth);
        Assert.Equal("es", youth.Language);
        Assert.NotNull(youth.IdentityIndex);
        var guardian = Assert.Single(youth.Guardians);
        Assert.Equal(("Rosalba Etxeberría", "tía", "530-555-0199"), (guardian.Name, guardian.Relationship, guardian.Phone));

        var raw = await factory.RawAsync("""SELECT "LegalName", "DateOfBirth", "School", "Placement", "Phone" FROM "Youth" WHERE "Id" = @id""", id);
        raw.AddRange(await factory.RawAsync("""SELECT "Name", "Relationship", "Phone" FROM "GuardianContacts" WHERE "YouthId" = @id""", id));
        Assert.Equal(8, raw.Count);
        Assert.All(raw, value => Assert.StartsWith("dp1:", value));
        Assert.DoesNotContain(raw, value => value.Contains("Zuñiga", StringComparison.Ordinal) || value.Contains("Etxeberría", StringComparison.Ordinal));

        var page = await client.GetAsync($"/youth/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.TextAsync();
        Assert.Contains(name, html);
        Assert.Contains("Rosalba Etxeberría", html);
        Assert.Contains("The youth record is saved.", html);
        Assert.Contains("You cannot see any case for this youth yet.", html);

        var entries = (await factory.EntriesAsync()).Where(e => e.RecordId == id.ToString()).ToList();
        Assert.Contains(entries, e => e is { Action: AuditAction.Create, RecordType: AuditRecordTypes.Youth, Outcome: AuditOutcome.Allowed } && e.UserId == me.Id);
        Assert.Contains(entries, e => e is { Action: AuditAction.View, RecordType: AuditRecordTypes.Youth } && e.UserId == me.Id);
        Assert.DoesNotContain(entries, e => e.Detail?.Contains("Zuñiga", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Create_LikelyDuplicateOfAnotherAgency_SavesNothingSaysWhereItIsThenSavesAnyway()
    {
        var name = YouthTestKit.UniqueName("Valeria");
        var existing = await factory.WriteYouthAsync(name, "Guardian Someone", "placer");
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Probation", Roles.Caseworker);
        var before = await factory.QueryAsync(db => db.Youth.CountAsync(y => y.IdentityIndex == existing.IdentityIndex));

        var typed = YouthTestKit.Form(name);
        typed["Input.PreferredName"] = "Mina";
        typed["Input.School"] = "Colfax Middle School";
        var offered = await client.PostFormAsync(YouthTestKit.NewPage, typed);

        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var html = await offered.TextAsync();
        Assert.Contains("A record with this name and date of birth already exists in the county.", html);
        Assert.Contains("Ask that agency for a referral or to transfer the case", html);
        Assert.DoesNotContain("handler=OpenCase", html); // knowing a name and date of birth opens nothing
        Assert.DoesNotContain($"href=\"/youth/{existing.Id}\"", html); // not theirs to see
        Assert.DoesNotContain("Quetzalcóatl", html); // the existing record's fields never reach the page
        Assert.DoesNotContain("Xime", html);
        Assert.DoesNotContain("Guardian Someone", html);
        Assert.Contains("name=\"ConfirmDifferent\"", html);
        Assert.Equal(before, await factory.QueryAsync(db => db.Youth.CountAsync(y => y.IdentityIndex == existing.IdentityIndex)));

        var form = YouthTestKit.Form(name);
        form["ConfirmDifferent"] = "true";
        var savedAnyway = await client.CreateYouthAsync(form);

        Assert.NotEqual(existing.Id, savedAnyway);
        Assert.Equal(before + 1, await factory.QueryAsync(db => db.Youth.CountAsync(y => y.IdentityIndex == existing.IdentityIndex)));
        var create = Assert.Single(await factory.EntriesAsync(), e => e.Action == AuditAction.Create && e.RecordId == savedAnyway.ToString());
        Assert.Equal("confirmed-not-duplicate", create.Detail);
    }

    [Fact]
    public async Task OpenCase_TheAgencysCaseStillOpen_IsShownInsteadOfASecond_AndAfterClosingANewOneOpens()
    {
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var id = await client.CreateYouthAsync(YouthTestKit.Form(YouthTestKit.UniqueName()));
        var first = YouthTestKit.CaseIdIn(await client.OpenCaseAsync(id));

        var again = await client.OpenCaseAsync(id);

        Assert.Equal($"/cases/{first}", again.Headers.Location?.OriginalString);
        Assert.Equal(1, await factory.QueryAsync(db => db.Cases.CountAsync(c => c.YouthId == id)));
        await factory.QueryAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == first);
            c.Status = CaseStatus.Closed;
            c.ClosedUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var second = YouthTestKit.CaseIdIn(await client.OpenCaseAsync(id));
        Assert.NotEqual(first, second);
        Assert.Equal(me.Id, (await factory.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == second))).AssignedUserId);
    }

    [Fact]
    public async Task OpenCase_SeenOnlyThroughAReferral_IsNotFound()
    {
        var (owner, ownerClient) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var id = await ownerClient.CreateYouthAsync(YouthTestKit.Form(YouthTestKit.UniqueName()));
        var caseId = YouthTestKit.CaseIdIn(await ownerClient.OpenCaseAsync(id));
        var (receiver, receiverClient) = await factory.SignedInAtAsync("placer", "Placer Probation", Roles.Caseworker);
        await factory.AddAsync(new Referral
        {
            CaseId = caseId, FromAgencyId = owner.AgencyId, ToAgencyId = receiver.AgencyId, Request = "referral", Basis = ConsentBasis.YouthConsent,
            Shares = SharedParts.Identity, Status = ReferralStatus.Accepted, RequestedByUserId = owner.Id, RequestedUtc = DateTime.UtcNow,
        });
        Assert.Equal(HttpStatusCode.OK, (await receiverClient.GetAsync($"/youth/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await receiverClient.OpenCaseAsync(id)).StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Cases.CountAsync(c => c.YouthId == id)));
    }

    [Fact]
    public async Task Create_DuplicateTheUserCanSee_LinksToIt()
    {
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var name = YouthTestKit.UniqueName();
        var id = await client.CreateYouthAsync(YouthTestKit.Form(name));

        var html = await (await client.PostFormAsync(YouthTestKit.NewPage, YouthTestKit.Form(name))).TextAsync();

        Assert.Contains($"href=\"/youth/{id}\"", html);
        Assert.Contains("Go to the existing record", html);
    }

    [Fact]
    public async Task OpenCase_RecordOfAnotherAgency_IsNotFoundEvenWithItsNameAndBirthDate_AndRefusalAudited()
    {
        var name = YouthTestKit.UniqueName();
        var existing = await factory.WriteYouthAsync(name, "Guardian Someone", "placer");
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Probation", Roles.Caseworker);

        Assert.Equal(HttpStatusCode.NotFound, (await client.OpenCaseAsync(existing.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.OpenCaseAsync(existing.Id, name, "2011-02-27")).StatusCode);

        Assert.False(await factory.QueryAsync(db => db.Cases.AnyAsync(c => c.YouthId == existing.Id)));
        Assert.Equal(2, (await factory.EntriesAsync()).Count(e =>
            e is { Action: AuditAction.AccessRefused, RecordType: AuditRecordTypes.Youth, Detail: "open-case" } && e.RecordId == existing.Id.ToString()));
    }

    [Fact]
    public async Task OpenCase_RecordOfAnotherCounty_IsNotFoundEvenWithNameAndBirthDate()
    {
        var name = YouthTestKit.UniqueName();
        var elsewhere = await factory.WriteYouthAsync(name, "Guardian Someone", "monterey");
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Probation", Roles.Supervisor);

        Assert.Equal(HttpStatusCode.NotFound, (await client.OpenCaseAsync(elsewhere.Id, name, "2011-02-27")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/youth/{elsewhere.Id}")).StatusCode);
        Assert.Contains(await factory.EntriesAsync(), e => e is { Action: AuditAction.AccessRefused, RecordType: AuditRecordTypes.Youth } && e.RecordId == elsewhere.Id.ToString());
    }

    [Fact]
    public async Task Create_InvalidFields_NamesEachFieldAndSavesNothing()
    {
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var form = YouthTestKit.Form("", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd"));
        form["Input.School"] = new string('s', Youth.TextMax + 1);
        form["Input.Language"] = "other";
        form["Input.Guardians[0].Name"] = "";
        form["Input.Guardians[1].Phone"] = "530-555-0100";

        var response = await client.PostFormAsync(YouthTestKit.NewPage, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("<a href=\"#Input_LegalName\">Enter the youth's legal name.</a>", html);
        Assert.Contains("The date of birth cannot be in the future.", html);
        Assert.Contains($"School must be {Youth.TextMax} characters or fewer (it has {Youth.TextMax + 1}).", html);
        Assert.Contains("Name the other language, or choose English or Spanish.", html);
        Assert.Contains("<a href=\"#Input_Guardians[0]_Name\">Enter the name of guardian contact 1", html);
        Assert.Contains("id=\"Input_Guardians[0]_Name\"", html);
        Assert.Contains("Enter the name of guardian contact 2", html);
        Assert.Contains("value=\"530-555-0100\"", html); // what was typed is kept
        Assert.False(await factory.QueryAsync(db => db.Youth.AnyAsync(y => y.CreatedByUserId == me.Id)));

        var old = YouthTestKit.Form(YouthTestKit.UniqueName(), "1901-05-01");
        var tooOld = await (await client.PostFormAsync(YouthTestKit.NewPage, old)).TextAsync();
        Assert.Contains("With this date of birth the youth would be older than 30: check the year.", tooOld);
        var notADate = await (await client.PostFormAsync(YouthTestKit.NewPage, YouthTestKit.Form(YouthTestKit.UniqueName(), "2011-02-30"))).TextAsync();
        Assert.Contains("Enter the date of birth as a real date", notADate);
        Assert.False(await factory.QueryAsync(db => db.Youth.AnyAsync(y => y.CreatedByUserId == me.Id)));
    }

    [Fact]
    public async Task Edit_StaleStamp_SaysSoKeepsTheInputAndSavesNothing()
    {
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var name = YouthTestKit.UniqueName();
        var id = await client.CreateYouthAsync(YouthTestKit.Form(name));
        var firstWindow = YouthTestKit.StampIn(await (await client.GetAsync($"/youth/{id}/edit")).TextAsync());
        var indexBefore = (await factory.YouthAsync(id)).IdentityIndex;

        var form = YouthTestKit.Form(name);
        form["Stamp"] = firstWindow.ToString();
        form["Input.School"] = "Placer High School";
        form["Input.Guardians[0].Name"] = "Marisol Etxeberría";
        var saved = await client.PostFormAsync($"/youth/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var afterFirst = await factory.YouthAsync(id);
        Assert.Equal("Placer High School", afterFirst.School);
        Assert.Equal("Marisol Etxeberría", Assert.Single(afterFirst.Guardians).Name);
        Assert.Equal(indexBefore, afterFirst.IdentityIndex); // same name and date: same index, and not its own duplicate

        form["Input.School"] = "Stale School";
        var stale = await client.PostFormAsync($"/youth/{id}/edit", form);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.TextAsync();
        Assert.Contains("Someone else changed this record after you opened it, so nothing was saved.", html);
        Assert.Contains("value=\"Stale School\"", html);
        var afterStale = await factory.YouthAsync(id);
        Assert.Equal("Placer High School", afterStale.School);
        Assert.Equal(afterFirst.Stamp, afterStale.Stamp);
        Assert.Single(await factory.EntriesAsync(), e => e.Action == AuditAction.Change && e.RecordId == id.ToString() && e.UserId == me.Id);
    }

    [Fact]
    public async Task Edit_NewDateOfBirth_RecomputesTheIndexAndChecksDuplicatesAgain()
    {
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var name = YouthTestKit.UniqueName();
        var other = await factory.WriteYouthAsync(name, "Guardian Someone", "placer", new DateOnly(2010, 6, 1));
        var id = await client.CreateYouthAsync(YouthTestKit.Form(name));
        var stamp = YouthTestKit.StampIn(await (await client.GetAsync($"/youth/{id}/edit")).TextAsync());
        var form = YouthTestKit.Form(name, "2010-06-01");
        form["Stamp"] = stamp.ToString();

        var duplicate = await client.PostFormAsync($"/youth/{id}/edit", form);

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("A record with this name and date of birth already exists in the county.", await duplicate.TextAsync());
        Assert.Equal(new DateOnly(2011, 2, 27), (await factory.YouthAsync(id)).DateOfBirth);

        form["ConfirmDifferent"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/youth/{id}/edit", form)).StatusCode);
        var changed = await factory.YouthAsync(id);
        Assert.Equal(new DateOnly(2010, 6, 1), changed.DateOfBirth);
        Assert.Equal(other.IdentityIndex, changed.IdentityIndex);
    }

    [Fact]
    public async Task Edit_WithoutWorkOnAnyCase_IsNotFound()
    {
        var (creator, creatorClient) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var (_, colleague) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var id = await creatorClient.CreateYouthAsync(YouthTestKit.Form(YouthTestKit.UniqueName()));

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/youth/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/youth/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await creatorClient.GetAsync($"/youth/{id}/edit")).StatusCode);

        // Once another agency's case exists, the creator's "no case yet" right ends.
        var otherAgency = await factory.CreateInAgencyAsync("placer", "Placer Probation", Roles.Caseworker);
        await factory.WriteCaseAsync(await factory.YouthAsync(id), otherAgency.AgencyId, otherAgency);
        Assert.Equal(HttpStatusCode.NotFound, (await creatorClient.GetAsync($"/youth/{id}/edit")).StatusCode);
        Assert.Contains(await factory.EntriesAsync(), e =>
            e is { Action: AuditAction.AccessRefused, Detail: "edit" } && e.RecordId == id.ToString() && e.UserId == creator.Id);
    }

    [Fact]
    public async Task Details_ShowsOnlyTheCasesTheUserCanOpen()
    {
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var id = await client.CreateYouthAsync(YouthTestKit.Form(YouthTestKit.UniqueName()));
        var mine = YouthTestKit.CaseIdIn(await client.OpenCaseAsync(id));
        var other = await factory.CreateInAgencyAsync("placer", "Placer Probation", Roles.Caseworker);
        var theirs = await factory.WriteCaseAsync(await factory.YouthAsync(id), other.AgencyId, other);

        var html = await (await client.GetAsync($"/youth/{id}")).TextAsync();

        Assert.Contains($"href=\"/cases/{mine}\"", html);
        Assert.DoesNotContain(theirs.Id.ToString(), html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/youth/{id}/edit")).StatusCode); // works the case
        Assert.Equal(me.AgencyId, (await factory.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == mine))).AgencyId);
    }

    [Fact]
    public async Task Pages_InSpanish_AreInSpanishAndTheStaffHomeLinksThem()
    {
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);

        var form = await (await client.GetAsync("/youth/new?lang=es")).TextAsync();
        var staff = await (await client.GetAsync("/staff")).TextAsync();

        Assert.Contains("Nuevo registro de joven", form);
        Assert.Contains("<legend>Contacto de tutor 3</legend>", form);
        Assert.Contains("<a class=\"button\" href=\"/youth/find\">Registros de jóvenes</a>", staff);
        Assert.Contains("href=\"/youth/new\"", staff);
    }
}
