using Beacon.Web;
using Beacon.Web.Cli;

var (command, hostArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddBeacon();

var app = builder.Build();
app.UseBeacon();

return await CommandLine.RunAsync(app, command);

/// <summary>The entry point, public so that the HTTP and browser tests can host it.</summary>
public partial class Program;
