using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Security;

public sealed partial class BadInputTests
{
    /// <summary>Tables a refused request may still write to: the trail of the refusals themselves.</summary>
    private static readonly HashSet<string> RefusalsWrite = ["AuditLog", "AuditHeads"];

    /// <summary>
    /// Every staff form about a record, filled in as the page shows it for the user's own Placer record, then sent with
    /// the address of the same kind of record in Monterey County (and every such page read): the other county's record
    /// is "not found" for both Placer users, whatever their roles, and no row of the database changes but the audit
    /// trail's. The administration pages are left out: an administrator is the system's owner across counties.
    /// </summary>
    [Fact]
    public async Task OtherCountysRecords_FormsAndPagesOfPlacerStaff_AreNotFoundAndChangeNothing()
    {
        var run = new BadInputRun(site);
        var records = await site.NewRecordsAsync();
        var targets = (await site.PostTargetsAsync())
            .Where(t => t.IsPage && !t.Anonymous && !t.Route.StartsWith("admin/", StringComparison.Ordinal) && t.Pattern.Parameters.Count > 0)
            .ToList();
        var before = await StoredText.SnapshotAsync(site, RefusalsWrite);
        var checkedTargets = 0;

        foreach (var sender in await site.StaffAsync())
        {
            foreach (var target in Ordered(targets))
            {
                var own = site.PathOf(target.Pattern, records)!;
                var foreign = site.PathOf(target.Pattern, site.Foreign)!;
                if (own == foreign)
                {
                    continue;
                }

                checkedTargets++;
                // A page the user's roles do not open at all sends them to "access denied" whatever the record: that says nothing of it.
                var roleRefused = await RoleRefusedAsync(sender, own);
                var form = await FindFormAsync(sender, own, target.Handler);
                var marked = new Dictionary<string, FormField>(StringComparer.Ordinal);
                var fields = (form?.Fields ?? [.. target.ModelFields.Select(n => new FormField(n, FieldKind.Unseen, "", "Synthetic text"))])
                    .Select(f =>
                    {
                        if (f.Kind is not (FieldKind.FreeText or FieldKind.Unseen))
                        {
                            return new KeyValuePair<string, byte[]>(f.Name, Encoding.UTF8.GetBytes(f.Value));
                        }

                        var marker = BadInputCorpus.NewMarker();
                        marked[marker] = f;
                        return new KeyValuePair<string, byte[]>(f.Name, Encoding.UTF8.GetBytes("Synthetic " + marker));
                    }).ToList();
                var token = form?.Token ?? (await FormAsync(sender, "/county", "/county", null))!.Token!;
                fields.Add(new(HtmlFormScanner.TokenField, Encoding.UTF8.GetBytes(token)));
                var action = foreign + (form?.Query ?? (target.Handler is null ? "" : "?handler=" + target.Handler));

                var (sent, _) = await run.SendAsync(sender, target.ToString(), "OtherCounty", new HttpRequestMessage(HttpMethod.Post, action)
                {
                    Content = BadInputCorpus.FormBody(fields),
                }, marked, reached: true);
                if (sent.Status != 404 && !(roleRefused && IsAccessDenied(sent)))
                {
                    run.Failures.Add($"{sent} (Monterey's {foreign}, the form {(form is null ? "named from the model" : "as the page shows it")}): expected 404");
                }
            }

            foreach (var route in site.PageRoutes())
            {
                if (BadInputSite.Normalized(route).StartsWith("admin/", StringComparison.Ordinal) ||
                    site.PathOf(route, site.Foreign) is not { } foreign || foreign == site.PathOf(route, records) || PublicRoute(route))
                {
                    continue;
                }

                var (sent, _) = await run.SendAsync(sender, foreign, "OtherCountyRead", new HttpRequestMessage(HttpMethod.Get, foreign),
                    new Dictionary<string, FormField>(), reached: true);
                if (sent.Status != 404 && !(IsAccessDenied(sent) && await RoleRefusedAsync(sender, site.PathOf(route, records)!)))
                {
                    run.Failures.Add($"{sent}: Monterey's record must be \"not found\" for Placer staff");
                }
            }
        }

        run.Failures.AddRange(StoredText.Differences(before, await StoredText.SnapshotAsync(site, RefusalsWrite))
            .Select(d => $"Requests about Monterey's records changed the database: {d}"));
        await CheckStoredAsync(run);
        output.WriteLine($"{checkedTargets} forms sent with Monterey's records.");
        Report(run);
    }

    private static async Task<bool> RoleRefusedAsync(Sender sender, string path)
    {
        using var response = await sender.Client.GetAsync(path);
        return IsAccessDenied(new SentRequest(sender.Name, path, "", (int)response.StatusCode, false, response.Headers.Location?.OriginalString));
    }

    private static bool IsAccessDenied(SentRequest sent) =>
        sent.Status == 302 && sent.Location?.Contains("/account/access-denied", StringComparison.Ordinal) == true;

    private bool PublicRoute(RoutePattern route) => site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Any(e => e.RoutePattern == route && e.Metadata.GetMetadata<IAllowAnonymous>() is not null);
}
