using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Training;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.ScaleOut;

/// <summary>
/// Two Beacon hosts on one database with one key-encryption key, as two instances behind a load balancer
/// (ADR-014): a session begun on one continues on the other, a form drawn by one posts to the other, a tip sent
/// to one is in the other's queue, and both writing the audit trail at once leave one chain.
/// On PostgreSQL when the suite runs there (test.sh), else on one SQLite file.
/// </summary>
[Trait("Category", "Data")]
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private readonly BeaconFactory _first = instances.First;
    private readonly BeaconFactory _second = instances.Second;

    /// <summary>A browser behind a load balancer: one cookie jar, each request sent to the instance the test picks.</summary>
    private sealed class Balancer : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] _instances;

        public Balancer(params BeaconFactory[] instances) => _instances = [.. instances.Select(i => new HttpMessageInvoker(i.Server.CreateHandler()))];

        public int Target { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _instances[Target].SendAsync(request, cancellationToken);
    }

    private (HttpClient Client, Balancer Balancer) Browser()
    {
        var balancer = new Balancer(_first, _second);
        return (new HttpClient(new CookieContainerHandler { InnerHandler = balancer }) { BaseAddress = new Uri("http://localhost") }, balancer);
    }

    [Fact]
    public async Task SignInOnOne_SessionAndFormsContinueOnTheOther()
    {
        var supervisor = await _first.CreateInAgencyAsync("placer", "Scale-out Schools", Roles.Supervisor);
        var (client, balancer) = Browser();

        balancer.Target = 0;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(supervisor)).StatusCode);
        var drawn = await client.OpenQuizAsync(TrainingKit.DutyToReport);
        balancer.Target = 1;
        var home = await client.GetAsync("/staff");
        // The quiz drawn by the first instance (its sealed draw, its antiforgery token) is marked by the second.
        var marked = await client.SubmitAsync(TrainingKit.DutyToReport, drawn, TrainingKit.Answers(_first.Course(TrainingKit.DutyToReport), drawn, right: 10));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Test User", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("You passed", marked, StringComparison.Ordinal);
        Assert.Equal(1, await _second.QueryAsync(db => db.TrainingCertificates.CountAsync(c => c.UserId == supervisor.Id)));
    }

    [Fact]
    public async Task TipSentToOne_IsInTheOthersQueue()
    {
        var what = $"Scale-out tip {Guid.NewGuid():N}";
        var (visitor, toFirst) = Browser();
        toFirst.Target = 0;
        var posted = await visitor.PostFormAsync("/tip", new Dictionary<string, string>
        {
            ["Input.County"] = "monterey", ["Input.What"] = what, ["Input.Where"] = "", ["Input.When"] = "", ["Input.Who"] = "",
            ["Input.Contact"] = "", ["Input.Website"] = "",
        });
        var caseworker = await _second.CreateInAsync("monterey", Roles.Caseworker);
        var (staff, toSecond) = Browser();
        toSecond.Target = 1;
        await staff.SignInAsync(caseworker);

        var item = await _first.QueryAsync(db => db.IntakeItems.Where(i => i.JurisdictionId == "monterey" && i.TipId != null)
            .OrderByDescending(i => i.ReceivedUtc).Select(i => i.Id).FirstAsync());
        var queue = await staff.GetStringAsync("/intake");
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/intake/{item}"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains($"href=\"/intake/{item}\"", queue, StringComparison.Ordinal);
        Assert.Contains(what, page, StringComparison.Ordinal); // sealed by the first instance's keys, read by the second's
    }

    [Fact]
    public async Task BothWritingTheAuditTrailAtOnce_LeaveOneChain()
    {
        var before = (await _first.EntriesAsync()).Count;
        var writers = new[] { _first.SeparateWriter(), _second.SeparateWriter(), _first.SeparateWriter(), _second.SeparateWriter() };

        var sequences = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => Task.Run(() => writers[i % writers.Length].AppendAsync(
            new AuditRecord(AuditAction.View, AuditRecordTypes.Tip, $"scale-out-{i}", AuditOutcome.Allowed, null, null)))));

        Assert.Equal(Enumerable.Range(before + 1, 80).Select(i => (long)i), sequences.Order());
        var entries = await _second.EntriesAsync();
        Assert.Equal(entries.Count, entries.Select(e => e.PreviousHash).Distinct().Count());
        var result = await _second.VerifyAsync();
        Assert.Null(result.Break);
        Assert.Equal(before + 80, result.Verified);
    }
}

/// <summary>The two hosts, started once for the class: the second on the first's database, both with one key-encryption key.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private static readonly string Kek = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyEncryptionKey.Size));

    public BeaconFactory First { get; } = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, Kek);
    public BeaconFactory Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, Kek).OnDatabaseOf(First);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
