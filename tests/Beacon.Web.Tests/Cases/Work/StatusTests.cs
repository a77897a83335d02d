using System.Net;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>Moving a case along the protocol: the allowed moves, the reason, closing and reopening, stale pages.</summary>
[Trait("Category", "Data")]
public sealed class StatusTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static Dictionary<string, string> Form(string to, string reason, string stamp) =>
        new() { ["to"] = to, ["reason"] = reason, ["stamp"] = stamp };

    [Fact]
    public async Task Move_AllowedWithReason_SavesHistoryAuditsAndShowsOnCase()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/status"));

        var response = await worker.PostAsync($"/cases/{c.Id}/status", Form("Screening", "Full screen booked with the youth", stamp));

        CaseWorkKit.AssertBackToCase(response, c.Id, "case-status");
        var saved = await factory.QueryAsync(db => db.Cases.AsNoTracking().Include(x => x.StatusChanges).SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CaseStatus.Screening, saved.Status);
        Assert.NotEqual(c.Stamp, saved.Stamp);
        var change = Assert.Single(saved.StatusChanges);
        Assert.Equal((CaseStatus.Open, CaseStatus.Screening, worker.User.Id), (change.From, change.To, change.ByUserId));
        Assert.Equal("Full screen booked with the youth", change.Reason);
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "status"));
        var page = await worker.PageAsync($"/cases/{c.Id}");
        Assert.Contains("Full screen booked with the youth", page);
        Assert.Contains("Open → Screening", page);
    }

    [Fact]
    public async Task Close_ThenReopen_SetsAndClearsClosedTime()
    {
        var (worker, c) = await factory.AssignedCaseAsync(CaseStatus.Mdt);
        var stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/status"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/status", Form("Closed", "Youth moved out of state", stamp)), c.Id, "case-status");
        var closed = await factory.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedUtc);

        stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/status"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/status", Form("Open", "Youth came back", stamp)), c.Id, "case-status");

        var reopened = await factory.QueryAsync(db => db.Cases.AsNoTracking().Include(x => x.StatusChanges).SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CaseStatus.Open, reopened.Status);
        Assert.Null(reopened.ClosedUtc);
        Assert.Equal(2, reopened.StatusChanges.Count);
    }

    [Theory]
    [InlineData(CaseStatus.Open, "Mdt")]        // skips screening
    [InlineData(CaseStatus.Services, "Open")]   // backwards
    [InlineData(CaseStatus.Closed, "Services")] // a closed case only reopens
    [InlineData(CaseStatus.Open, "7")]          // a number is not a status
    [InlineData(CaseStatus.Open, "")]
    public async Task Move_NotAllowed_NamesTheFieldAndSavesNothing(CaseStatus from, string to)
    {
        var (worker, c) = await factory.AssignedCaseAsync(from);
        var stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/status"));

        var response = await worker.PostAsync($"/cases/{c.Id}/status", Form(to, "A reason", stamp));

        await CaseWorkKit.AssertFieldErrorAsync(response, "to", "Choose the new status from the list.");
        await AssertUnchangedAsync(c, from);
    }

    [Theory]
    [InlineData("   ", "“Reason for the change” is required: please fill it in.")]
    [InlineData(null, "“Reason for the change” can be at most 500 characters; it has 501.")]
    public async Task Move_BadReason_NamesTheFieldAndSavesNothing(string? reason, string message)
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/status"));

        var response = await worker.PostAsync($"/cases/{c.Id}/status", Form("Screening", reason ?? new string('r', 501), stamp));

        await CaseWorkKit.AssertFieldErrorAsync(response, "reason", message);
        await AssertUnchangedAsync(c, CaseStatus.Open);
    }

    [Fact]
    public async Task Move_FromAPageOpenedBeforeAnotherMove_IsRefused()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var stale = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/status"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/status", Form("Screening", "First", stale)), c.Id, "case-status");

        var response = await worker.PostAsync($"/cases/{c.Id}/status", Form("Closed", "Second, from the old page", stale));

        await CaseWorkKit.AssertChangedElsewhereAsync(response);
        var saved = await factory.QueryAsync(db => db.Cases.AsNoTracking().Include(x => x.StatusChanges).SingleAsync(x => x.Id == c.Id));
        Assert.Equal(CaseStatus.Screening, saved.Status);
        Assert.Single(saved.StatusChanges);
    }

    [Fact]
    public async Task CasePage_InSpanish_ShowsTheWorkSectionsInSpanish()
    {
        var (worker, c) = await factory.AssignedCaseAsync();

        var page = await worker.PageAsync($"/cases/{c.Id}?lang=es");

        foreach (var text in new[] { "Historial de estados", "Cambiar el estado", "Integrantes del equipo", "Evaluaciones", "Notas", "Tareas", "Plan de seguridad", "Servicios" })
        {
            Assert.Contains(text, page);
        }

        Assert.DoesNotContain("Status history", page);
    }

    [Fact]
    public async Task StatusPage_UnknownCase_IsNotFound()
    {
        var (worker, _) = await factory.AssignedCaseAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await worker.Client.GetAsync($"/cases/{Guid.NewGuid()}/status")).StatusCode);
    }

    private async Task AssertUnchangedAsync(Case c, CaseStatus status)
    {
        var saved = await factory.QueryAsync(db => db.Cases.AsNoTracking().Include(x => x.StatusChanges).SingleAsync(x => x.Id == c.Id));
        Assert.Equal(status, saved.Status);
        Assert.Empty(saved.StatusChanges);
        Assert.Equal(c.Stamp, saved.Stamp);
    }
}
