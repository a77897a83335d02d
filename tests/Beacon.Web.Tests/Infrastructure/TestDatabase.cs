using Npgsql;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test host: a temporary SQLite file, or, when
/// <c>BEACON_TEST_PROVIDER=Postgres</c>, a fresh database on the cluster named by <c>BEACON_TEST_POSTGRES</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _sqlitePath;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? sqlitePath, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("BEACON_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!UsePostgres)
        {
            var path = Path.Combine(Path.GetTempPath(), $"beacon-test-{Guid.NewGuid():N}.db");
            return new TestDatabase("Sqlite", $"Data Source={path}", path, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("BEACON_TEST_POSTGRES")
                    ?? throw new InvalidOperationException("BEACON_TEST_PROVIDER=Postgres needs BEACON_TEST_POSTGRES (an admin connection string).");
        var name = $"beacon_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
