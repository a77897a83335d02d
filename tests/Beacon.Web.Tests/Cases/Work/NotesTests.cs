using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>Notes on a case: adding, editing by the author as a new version, stale edits, the versions page.</summary>
[Trait("Category", "Data")]
public sealed class NotesTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task AddNote_SavesFirstVersionAuditsAndListsIt()
    {
        var (worker, c) = await factory.AssignedCaseAsync();

        var response = await worker.PostAsync($"/cases/{c.Id}/notes/new", new() { ["text"] = "  Met the youth at school with the counsellor.  " });

        CaseWorkKit.AssertBackToCase(response, c.Id, "case-notes");
        var note = await factory.QueryAsync(db => db.CaseNotes.AsNoTracking().Include(n => n.Versions).SingleAsync(n => n.CaseId == c.Id));
        Assert.Equal(worker.User.Id, note.AuthorId);
        var version = Assert.Single(note.Versions);
        Assert.Equal((1, "Met the youth at school with the counsellor.", worker.User.Id), (version.Number, version.Text, version.EditedByUserId));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Create, "note"));
        Assert.Contains("Met the youth at school with the counsellor.", await worker.PageAsync($"/cases/{c.Id}"));
    }

    [Theory]
    [InlineData("", "“Note” is required: please fill it in.")]
    [InlineData(null, "“Note” can be at most 4000 characters; it has 4001.")]
    public async Task AddNote_BadText_NamesTheFieldAndSavesNothing(string? text, string message)
    {
        var (worker, c) = await factory.AssignedCaseAsync();

        var response = await worker.PostAsync($"/cases/{c.Id}/notes/new", new() { ["text"] = text ?? new string('n', 4001) });

        await CaseWorkKit.AssertFieldErrorAsync(response, "text", message);
        Assert.Equal(0, await factory.QueryAsync(db => db.CaseNotes.CountAsync(n => n.CaseId == c.Id)));
    }

    [Fact]
    public async Task EditNote_ByAuthor_AddsVersionKeepsEarlierTextAndShowsBoth()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var noteId = await AddNoteAsync(worker, c, "First wording");
        var stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/notes/{noteId}/edit"));
        Assert.Equal("1", stamp);

        var response = await worker.PostAsync($"/cases/{c.Id}/notes/{noteId}/edit", new() { ["text"] = "Second wording", ["stamp"] = stamp });

        CaseWorkKit.AssertBackToCase(response, c.Id, "case-notes");
        var versions = await factory.QueryAsync(db => db.CaseNoteVersions.AsNoTracking().Where(v => v.NoteId == noteId).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(["First wording", "Second wording"], versions.Select(v => v.Text));
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "note-edit"));
        var casePage = await worker.PageAsync($"/cases/{c.Id}");
        Assert.Contains("Second wording", casePage);
        Assert.DoesNotContain("First wording", casePage);
        Assert.Contains($"href=\"/cases/{c.Id}/notes/{noteId}\">see all 2 versions", casePage);
        var history = await worker.PageAsync($"/cases/{c.Id}/notes/{noteId}");
        Assert.Contains("First wording", history);
        Assert.Contains("Second wording", history);
    }

    [Fact]
    public async Task EditNote_FromAnOlderVersion_IsRefusedAndKeepsTheNewerText()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var noteId = await AddNoteAsync(worker, c, "First wording");
        CaseWorkKit.AssertBackToCase(
            await worker.PostAsync($"/cases/{c.Id}/notes/{noteId}/edit", new() { ["text"] = "Second wording", ["stamp"] = "1" }), c.Id, "case-notes");

        var response = await worker.PostAsync($"/cases/{c.Id}/notes/{noteId}/edit", new() { ["text"] = "Edit from an old tab", ["stamp"] = "1" });

        await CaseWorkKit.AssertChangedElsewhereAsync(response);
        Assert.Equal(2, await factory.QueryAsync(db => db.CaseNoteVersions.CountAsync(v => v.NoteId == noteId)));
    }

    [Fact]
    public async Task EditNote_SomeoneElsesNote_IsNotFoundAndUnchanged()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var noteId = await AddNoteAsync(worker, c, "The caseworker's note");
        var supervisor = await factory.SignInAsync(await AgencyNameAsync(worker), Roles.Supervisor);

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Client.GetAsync($"/cases/{c.Id}/notes/{noteId}/edit")).StatusCode);
        var response = await supervisor.PostAsync($"/cases/{c.Id}/notes/{noteId}/edit", new() { ["text"] = "Rewritten", ["stamp"] = "1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.CaseNoteVersions.CountAsync(v => v.NoteId == noteId)));
        // The supervisor reads the note and its versions, but is offered no edit link.
        var page = await supervisor.PageAsync($"/cases/{c.Id}");
        Assert.Contains("The caseworker's note", page);
        Assert.DoesNotContain($"/notes/{noteId}/edit", page);
    }

    [Fact]
    public async Task NoteVersions_OfAnotherCase_IsNotFound()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var (_, other) = await factory.AssignedCaseAsync();
        var noteId = await AddNoteAsync(worker, c, "A note");

        Assert.Equal(HttpStatusCode.NotFound, (await worker.Client.GetAsync($"/cases/{other.Id}/notes/{noteId}")).StatusCode);
    }

    [Fact]
    public async Task CasePage_NotesWithFindings_EachHighlightedAndTheLegendShownOnce()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        await AddNoteAsync(worker, c, "She has two phones.");
        await AddNoteAsync(worker, c, "Denies an older boyfriend.");

        var page = await worker.PageAsync($"/cases/{c.Id}");

        Assert.Contains("<mark>two phones</mark>", page);
        Assert.Contains("<mark>older boyfriend</mark>", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "class=\"scan-legend\""));
    }

    private async Task<string> AgencyNameAsync(Staff staff) =>
        await factory.QueryAsync(db => db.Agencies.Where(a => a.Id == staff.User.AgencyId).Select(a => a.Name).SingleAsync());

    private async Task<Guid> AddNoteAsync(Staff worker, Case c, string text)
    {
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/notes/new", new() { ["text"] = text }), c.Id, "case-notes");
        return await factory.QueryAsync(db => db.CaseNotes.Where(n => n.CaseId == c.Id).OrderByDescending(n => n.CreatedUtc).Select(n => n.Id).FirstAsync());
    }
}
