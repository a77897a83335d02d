using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Beacon.Data.Postgres;

/// <summary>Used only by <c>dotnet ef migrations add</c> for this project; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BeaconDbContext>
{
    public BeaconDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BeaconDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Database=beacon_design;Username=beacon",
        });
        return new BeaconDbContext(builder.Options);
    }
}
