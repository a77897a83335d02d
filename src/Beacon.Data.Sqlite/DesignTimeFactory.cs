using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Beacon.Data.Sqlite;

/// <summary>Used only by <c>dotnet ef migrations add</c> for this project.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BeaconDbContext>
{
    public BeaconDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BeaconDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=:memory:",
        });
        return new BeaconDbContext(builder.Options);
    }
}
