using Beacon.Data;
using Beacon.Web.Cli;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Audit;

/// <summary><c>beacon audit verify</c>, run in-process on the test host's services.</summary>
[Trait("Category", "Data")]
public sealed class AuditVerifyCommandTests : IAsyncLifetime
{
    private readonly BeaconFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_factory).DisposeAsync();

    [Fact]
    public async Task Run_IntactTrail_PrintsTheCountAndHeadAndExitsZero()
    {
        var factory = _factory;
        await factory.AppendAsync("one");
        await factory.AppendAsync("two");

        var (exit, output, _) = await RunAsync(factory.Services);

        Assert.Equal(0, exit);
        Assert.Contains("Audit trail verified: 2 entries", output);
        Assert.Contains($"hash {(await factory.EntriesAsync())[^1].Hash}", output);
    }

    [Fact]
    public async Task Run_EditedEntry_NamesItAndExitsOne()
    {
        var factory = _factory;
        for (var i = 0; i < 4; i++)
        {
            await factory.AppendAsync($"r{i}");
        }

        await factory.TamperAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Detail" = 'edited' WHERE "Sequence" = 2"""));

        var (exit, _, error) = await RunAsync(factory.Services);

        Assert.Equal(1, exit);
        Assert.Contains("BROKEN at entry 2", error);
    }

    [Fact]
    public async Task Run_MissingSqliteFile_SaysSoAndExitsOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"beacon-missing-{Guid.NewGuid():N}.db");
        await using var services = new ServiceCollection()
            .AddSingleton(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" })
            .BuildServiceProvider();

        var (exit, _, error) = await RunAsync(services);

        Assert.Equal(1, exit);
        Assert.Contains("No database at", error);
        Assert.False(File.Exists(path));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(IServiceProvider services)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new AuditVerifyCommand(services, output, error).RunAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
