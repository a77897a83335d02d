using Beacon.Web;
using Beacon.Web.Cli;
using Beacon.Web.Infrastructure;

var (command, hostArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddBeacon();

var app = builder.Build();
if (command is [] or ["serve"])
{
    // Begun before the routes are mapped, so that it runs beside them; the commands other than serve need none of it.
    StartupWarmup.Begin(app.Services);
}

app.UseBeacon();

return await CommandLine.RunAsync(app, command);

/// <summary>The entry point, public so that the HTTP and browser tests can host it.</summary>
public partial class Program;
