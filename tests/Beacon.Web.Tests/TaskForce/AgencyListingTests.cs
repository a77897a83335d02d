using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.TaskForce;

[Trait("Category", "Data")]
public sealed class AgencyListingTests(TaskForceFactory factory) : IClassFixture<TaskForceFactory>
{
    [Fact]
    public async Task AgencyForm_ShowOnTaskForcePageTicked_ListedPubliclyUntilUnticked()
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();
        var name = AdminTestKit.Unique("Coalition Against Trafficking");

        AdminTestKit.AssertRedirect(await admin.PostFormAsync("/admin/agencies/new", new Dictionary<string, string>
        {
            ["County"] = "monterey", ["Input.Name"] = name, ["Input.Role"] = "Survivor advocacy",
            ["Input.PublicContact"] = "831-555-0199", ["Input.ShowOnTaskForcePage"] = "true",
        }), "/admin/agencies");

        var agency = await factory.QueryAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Name == name));
        Assert.True(agency.ShowOnTaskForcePage);
        var edit = await admin.GetHtmlAsync($"/admin/agencies/{agency.Id}");
        var box = System.Text.RegularExpressions.Regex.Match(edit, "<input[^>]*type=\"checkbox\"[^>]*name=\"Input.ShowOnTaskForcePage\"[^>]*>");
        Assert.True(box.Success && box.Value.Contains("checked", StringComparison.Ordinal), "the box is ticked on the edit form");
        Assert.Contains("Show on the public task force page", edit);
        var listed = await factory.CreateBrowserLikeClient().GetHtmlAsync("/task-force/monterey");
        Assert.Contains(name, listed);
        Assert.Contains("Survivor advocacy", listed);

        // An unticked box sends nothing (or the hidden "false"): the agency leaves the page.
        AdminTestKit.AssertRedirect(await admin.PostFormAsync($"/admin/agencies/{agency.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Role"] = "Survivor advocacy", ["Input.ShowOnTaskForcePage"] = "false",
        }), "/admin/agencies");

        Assert.DoesNotContain(name, await factory.CreateBrowserLikeClient().GetHtmlAsync("/task-force/monterey"));
    }

    [Fact]
    public async Task AgencyForm_Spanish_CheckboxLabelInSpanish()
    {
        var (_, admin) = await factory.SignedInAdministratorAsync();

        var html = await admin.GetHtmlAsync("/admin/agencies/new?lang=es");

        Assert.Contains("Mostrar en la página pública del grupo de trabajo", html);
    }
}
