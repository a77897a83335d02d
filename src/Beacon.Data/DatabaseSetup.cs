using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Beacon:Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Beacon:Database";
    public const string DefaultSqlite = "Data Source=data/beacon.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = options.Provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException(
                    "Beacon:Database:ConnectionString is required when Beacon:Database:Provider is Postgres.");
        }

        return options;
    }
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Beacon.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "Beacon.Data.Postgres";

    /// <summary>Registers <see cref="BeaconDbContext"/> on the configured provider.</summary>
    /// <remarks>The configuration is read when the first context is made, so hosts and tests can still change it.</remarks>
    public static IServiceCollection AddBeaconDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<BeaconDbContext>((sp, b) => Configure(b, sp.GetRequiredService<DatabaseOptions>()));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Encryption.ProtectorModelCacheKeyFactory>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(options.ConnectionString!);
                builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
