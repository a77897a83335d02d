using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Sharing;

/// <summary>
/// Referrals between agencies through the pages: the form's checks, what the receiving agency sees of
/// the case, the inbox, accept / decline / done and their stamp, and who gets 404.
/// </summary>
[Trait("Category", "Data")]
public sealed class ReferralTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    // --- Creating ----------------------------------------------------------------------------------

    [Fact]
    public async Task Create_LegalBasisWithoutCitation_NamesTheFieldAndSavesNothing()
    {
        var scene = await factory.SceneAsync();
        var (receiver, _) = await ReceiverAsync(scene);
        var page = $"/cases/{scene.Case.Id}/referrals/new";

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.ToAgency", receiver.AgencyId.ToString()), ("Input.Request", "Counselling"), ("Input.Basis", "LegalBasis"),
             ("Input.LegalBasis", "  "), ("Input.Shares", "Notes")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_LegalBasis\">Legal basis: this field is required.</a>", html);
        Assert.Equal(0, await ReferralCountAsync(scene.Case.Id));
    }

    [Fact]
    public async Task Create_NoPartShared_NamesTheFieldAndSavesNothing()
    {
        var scene = await factory.SceneAsync();
        var (receiver, _) = await ReceiverAsync(scene);
        var page = $"/cases/{scene.Case.Id}/referrals/new";

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.ToAgency", receiver.AgencyId.ToString()), ("Input.Request", "Counselling"), ("Input.Basis", "YouthConsent")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Shares\">Parts of the case to share: choose at least one.</a>", html);
        Assert.Equal(0, await ReferralCountAsync(scene.Case.Id));
    }

    [Fact]
    public async Task Create_OwningAgencyOrUnknownBasis_IsRefusedAsAChoice()
    {
        var scene = await factory.SceneAsync();
        var page = $"/cases/{scene.Case.Id}/referrals/new";

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.ToAgency", scene.Owner.AgencyId.ToString()), ("Input.Request", "Counselling"), ("Input.Basis", "2"), ("Input.Shares", "Notes")]);

        var html = await response.HtmlAsync();
        Assert.Contains("Agency: choose one.", html);
        Assert.Contains("Basis for sharing: choose one.", html);
        Assert.Equal(0, await ReferralCountAsync(scene.Case.Id));
    }

    [Fact]
    public async Task Create_ValidForm_StoresTheReferralEncryptedAndAuditsIt()
    {
        var scene = await factory.SceneAsync();
        var (receiver, _) = await ReceiverAsync(scene);
        var page = $"/cases/{scene.Case.Id}/referrals/new";
        var form = await (await scene.OwnerClient.GetAsync(page)).HtmlAsync();
        Assert.Contains($"value=\"{receiver.AgencyId}\"", form);
        Assert.DoesNotContain($"value=\"{scene.Owner.AgencyId}\"", form);
        var request = $"Counselling for Ximena {scene.Suffix}";

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.ToAgency", receiver.AgencyId.ToString()), ("Input.Request", request), ("Input.Basis", "LegalBasis"),
             ("Input.LegalBasis", "Welfare and Institutions Code § 827"), ("Input.Shares", "Identity"), ("Input.Shares", "Services")]);

        var id = SharingKit.IdFromLocation(response, "/referrals/");
        var saved = await factory.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((scene.Case.Id, scene.Owner.AgencyId, receiver.AgencyId), (saved.CaseId, saved.FromAgencyId, saved.ToAgencyId));
        Assert.Equal(request, saved.Request);
        Assert.Equal(ConsentBasis.LegalBasis, saved.Basis);
        Assert.Equal("Welfare and Institutions Code § 827", saved.LegalBasis);
        Assert.Equal(SharedParts.Identity | SharedParts.Services, saved.Shares);
        Assert.Equal(ReferralStatus.Requested, saved.Status);
        Assert.Equal(scene.Owner.Id, saved.RequestedByUserId);
        var raw = await factory.RawAsync("Referrals", "Request", id);
        Assert.StartsWith("dp1:", raw);
        Assert.DoesNotContain(scene.Suffix, raw);
        var created = Assert.Single(await factory.AuditOfAsync(AuditRecordTypes.Referral, id));
        Assert.Equal((AuditAction.Create, scene.Owner.Id), (created.Action, created.UserId));
        Assert.DoesNotContain(scene.Suffix, created.Detail);

        var shown = await (await scene.OwnerClient.GetAsync(response.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.Contains("The referral is sent.", shown);
        Assert.Contains(request, shown);
        Assert.DoesNotContain("Accept the referral", shown); // the sender follows; it does not decide
    }

    [Fact]
    public async Task Create_ReferredViewerOrOtherCounty_Gets404()
    {
        var scene = await factory.SceneAsync();
        var (_, receiverClient) = await ReceiverAsync(scene);
        await WriteReferralAsync(scene, (await ReceiverAgencyAsync(scene)), SharedParts.Services);
        var (_, otherCounty) = await factory.SignedInAgencyAsync("placer", "Placer Agency " + scene.Suffix, Roles.Supervisor);

        Assert.Equal(HttpStatusCode.NotFound, (await receiverClient.GetAsync($"/cases/{scene.Case.Id}/referrals/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync($"/cases/{scene.Case.Id}/referrals/new")).StatusCode);
    }

    // --- What the receiving agency sees ------------------------------------------------------------

    [Fact]
    public async Task CasePage_ReferralSharingServicesNotNotes_ShowsTheReferralButNoNoteOrMeeting()
    {
        var scene = await factory.SceneAsync();
        var (_, receiverClient) = await ReceiverAsync(scene);
        var referral = await WriteReferralAsync(scene, await ReceiverAgencyAsync(scene), SharedParts.Services);
        var otherReferral = await WriteReferralAsync(scene, await AgencyAsync(scene, "Health " + scene.Suffix), SharedParts.Notes);
        var noteText = $"Note about the aunt {scene.Suffix}";
        var now = DateTime.UtcNow;
        await factory.AddAsync(new CaseNote
        {
            CaseId = scene.Case.Id, AuthorId = scene.Owner.Id, CreatedUtc = now,
            Versions = [new CaseNoteVersion { Number = 1, Text = noteText, EditedByUserId = scene.Owner.Id, EditedUtc = now }],
        });
        await factory.AddAsync(new MdtMeeting { CaseId = scene.Case.Id, Kind = MdtMeetingKind.Ongoing, ScheduledUtc = now.AddDays(2), Location = "Room " + scene.Suffix, ScheduledByUserId = scene.Owner.Id });

        var page = await receiverClient.GetAsync($"/cases/{scene.Case.Id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Contains(referral.Request, html);
        Assert.Contains($"href=\"/referrals/{referral.Id}\"", html);
        Assert.DoesNotContain(otherReferral.Request, html); // addressed to another agency
        Assert.DoesNotContain(noteText, html);
        Assert.DoesNotContain("Room " + scene.Suffix, html);
        Assert.DoesNotContain("MDT meetings", html);
        Assert.DoesNotContain("Refer to another agency", html);

        var owner = await (await scene.OwnerClient.GetAsync($"/cases/{scene.Case.Id}")).HtmlAsync();
        Assert.Contains(referral.Request, owner);
        Assert.Contains(otherReferral.Request, owner);
        Assert.Contains("Room " + scene.Suffix, owner);
        Assert.Contains($"href=\"/cases/{scene.Case.Id}/referrals/new\"", owner);
    }

    // --- Inbox, decisions and their stamp ----------------------------------------------------------

    [Fact]
    public async Task AcceptThenDone_InboxOrderStampAndAccessFollowTheStatus()
    {
        var scene = await factory.SceneAsync();
        var (receiver, client) = await ReceiverAsync(scene);
        var agency = await ReceiverAgencyAsync(scene);
        var accepted = await WriteReferralAsync(scene, agency, SharedParts.Services, ReferralStatus.Accepted, DateTime.UtcNow.AddHours(-2));
        var referral = await WriteReferralAsync(scene, agency, SharedParts.Services);
        var inbox = await (await client.GetAsync("/referrals")).HtmlAsync();
        var requestedAt = inbox.IndexOf($"href=\"/referrals/{referral.Id}\"", StringComparison.Ordinal);
        var acceptedAt = inbox.IndexOf($"href=\"/referrals/{accepted.Id}\"", StringComparison.Ordinal);
        Assert.True(requestedAt >= 0 && acceptedAt > requestedAt, "requested referrals come before accepted ones");
        Assert.Contains($"href=\"/cases/{scene.Case.Id}\"", inbox);
        Assert.True(await factory.QueryAsync(db => db.AuditLog.AnyAsync(e =>
            e.Action == AuditAction.View && e.RecordType == AuditRecordTypes.Caseload && e.RecordId == receiver.Id.ToString())));
        var path = $"/referrals/{referral.Id}";

        var accept = await client.PostFormAsync(path, new Dictionary<string, string> { ["expected"] = "Requested" }, path + "?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var saved = await ReferralAsync(referral.Id);
        Assert.Equal((ReferralStatus.Accepted, receiver.Id), (saved.Status, saved.DecidedByUserId));
        Assert.NotNull(saved.DecidedUtc);

        // The same form again (another window, a double click): nothing changes.
        var again = await client.PostFormAsync(path, new Dictionary<string, string> { ["expected"] = "Requested" }, path + "?handler=Decline");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Someone already decided this referral", await again.HtmlAsync());
        Assert.Equal(ReferralStatus.Accepted, (await ReferralAsync(referral.Id)).Status);

        var unconfirmed = await client.PostFormAsync(path, new Dictionary<string, string> { ["expected"] = "Accepted" }, path + "?handler=Done");
        Assert.Contains("tick the box to confirm", await unconfirmed.HtmlAsync());
        Assert.Equal(ReferralStatus.Accepted, (await ReferralAsync(referral.Id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);

        var done = await client.PostFormAsync(path, new Dictionary<string, string> { ["expected"] = "Accepted", ["ConfirmDone"] = "true" }, path + "?handler=Done");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ReferralStatus.Done, (await ReferralAsync(referral.Id)).Status);
        var changes = (await factory.AuditOfAsync(AuditRecordTypes.Referral, referral.Id)).Where(e => e.Action == AuditAction.Change).ToList();
        Assert.Equal(["accepted", "done"], changes.Select(e => e.Detail));

        // The other accepted referral still opens the case; finishing it too ends the agency's access.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);
        var second = $"/referrals/{accepted.Id}";
        await client.PostFormAsync(second, new Dictionary<string, string> { ["expected"] = "Accepted", ["ConfirmDone"] = "true" }, second + "?handler=Done");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);
        Assert.Contains("No referral waits for your agency", await (await client.GetAsync("/referrals")).HtmlAsync());
    }

    [Fact]
    public async Task Decline_ReasonRequiredThenStoredEncrypted_AndTheReceiverLosesTheCase()
    {
        var scene = await factory.SceneAsync();
        var (_, client) = await ReceiverAsync(scene);
        var referral = await WriteReferralAsync(scene, await ReceiverAgencyAsync(scene), SharedParts.Identity | SharedParts.Notes);
        var path = $"/referrals/{referral.Id}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);

        var noReason = await client.PostFormAsync(path, new Dictionary<string, string> { ["expected"] = "Requested", ["DeclineReason"] = " " }, path + "?handler=Decline");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("<a href=\"#DeclineReason\">Reason for declining: this field is required.</a>", await noReason.HtmlAsync());
        Assert.Equal(ReferralStatus.Requested, (await ReferralAsync(referral.Id)).Status);

        var reason = $"No bed for Ximena {scene.Suffix}";
        var declined = await client.PostFormAsync(path, new Dictionary<string, string> { ["expected"] = "Requested", ["DeclineReason"] = reason }, path + "?handler=Decline");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var saved = await ReferralAsync(referral.Id);
        Assert.Equal((ReferralStatus.Declined, reason), (saved.Status, saved.DeclineReason));
        var raw = await factory.RawAsync("Referrals", "DeclineReason", referral.Id);
        Assert.StartsWith("dp1:", raw);
        Assert.DoesNotContain(scene.Suffix, raw);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);
        var after = await (await client.GetAsync(path)).HtmlAsync();
        Assert.Contains("This referral is closed", after);
        Assert.DoesNotContain($"href=\"/cases/{scene.Case.Id}\"", after);
        Assert.Contains(reason, await (await scene.OwnerClient.GetAsync(path)).HtmlAsync());
    }

    // --- Who gets 404 ------------------------------------------------------------------------------

    [Fact]
    public async Task ReferralPage_OtherCountyOrUninvolvedAgency_Gets404AndIsAuditedAsRefused()
    {
        var scene = await factory.SceneAsync();
        var referral = await WriteReferralAsync(scene, await ReceiverAgencyAsync(scene), SharedParts.Services);
        var (otherCountyUser, otherCounty) = await factory.SignedInAgencyAsync("placer", "Placer Agency " + scene.Suffix, Roles.Caseworker);
        var (_, uninvolved) = await factory.SignedInAgencyAsync(scene.County, "Schools " + scene.Suffix, Roles.Supervisor);
        var path = $"/referrals/{referral.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync($"/referrals/{Guid.NewGuid()}")).StatusCode);
        var refused = (await factory.AuditOfAsync(AuditRecordTypes.Referral, referral.Id)).Where(e => e.Action == AuditAction.AccessRefused).ToList();
        Assert.Equal(2, refused.Count);
        Assert.Contains(refused, e => e.UserId == otherCountyUser.Id && e.Outcome == AuditOutcome.Refused);
        Assert.Equal(ReferralStatus.Requested, (await ReferralAsync(referral.Id)).Status);
    }

    [Fact]
    public async Task Decide_SendingSide_Gets404AndChangesNothing()
    {
        var scene = await factory.SceneAsync();
        var referral = await WriteReferralAsync(scene, await ReceiverAgencyAsync(scene), SharedParts.Services);
        var path = $"/referrals/{referral.Id}";

        var response = await scene.OwnerClient.PostFormAsync(path, new Dictionary<string, string> { ["expected"] = "Requested" }, path + "?handler=Accept");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ReferralStatus.Requested, (await ReferralAsync(referral.Id)).Status);
    }

    // --- Helpers -----------------------------------------------------------------------------------

    private static string ReceiverAgencyName(SharingScene scene) => "Probation " + scene.Suffix;

    private Task<(TestUser User, HttpClient Client)> ReceiverAsync(SharingScene scene) =>
        factory.SignedInAgencyAsync(scene.County, ReceiverAgencyName(scene), Roles.Caseworker);

    private Task<Guid> ReceiverAgencyAsync(SharingScene scene) => AgencyAsync(scene, ReceiverAgencyName(scene));

    /// <summary>The agency of that name in the scene's county, made if missing.</summary>
    private async Task<Guid> AgencyAsync(SharingScene scene, string name)
    {
        var existing = await factory.QueryAsync(db => db.Agencies.Where(a => a.Name == name && a.JurisdictionId == scene.County)
            .Select(a => (Guid?)a.Id).SingleOrDefaultAsync());
        if (existing is { } id)
        {
            return id;
        }

        var agency = new Agency { JurisdictionId = scene.County, Name = name };
        await factory.AddAsync(agency);
        return agency.Id;
    }

    private async Task<Referral> WriteReferralAsync(SharingScene scene, Guid toAgency, SharedParts shares,
        ReferralStatus status = ReferralStatus.Requested, DateTime? requested = null)
    {
        var referral = new Referral
        {
            CaseId = scene.Case.Id, FromAgencyId = scene.Owner.AgencyId, ToAgencyId = toAgency, Request = $"Request {Guid.NewGuid():N}",
            Basis = ConsentBasis.YouthConsent, Shares = shares, Status = status, RequestedByUserId = scene.Owner.Id,
            RequestedUtc = requested ?? DateTime.UtcNow,
        };
        await factory.AddAsync(referral);
        return referral;
    }

    private Task<Referral> ReferralAsync(Guid id) => factory.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<int> ReferralCountAsync(Guid caseId) => factory.QueryAsync(db => db.Referrals.CountAsync(r => r.CaseId == caseId));
}
