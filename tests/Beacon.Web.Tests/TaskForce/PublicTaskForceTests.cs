using Beacon.Web.Tests.Infrastructure;
using System.Net;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Admin;

namespace Beacon.Web.Tests.TaskForce;

[Trait("Category", "Data")]
public sealed class PublicTaskForceTests(TaskForceFactory factory) : IClassFixture<TaskForceFactory>
{
    [Fact]
    public async Task CountyPage_Monterey_ListsShownActiveAgenciesOnlyAndTheCoordinatorNumber()
    {
        var shown = AdminTestKit.Unique("Monterey County Probation");
        var hidden = AdminTestKit.Unique("Hidden Agency");
        var inactive = AdminTestKit.Unique("Closed Agency");
        await factory.QueryAsync(async db =>
        {
            db.Agencies.AddRange(
                new Agency { JurisdictionId = "monterey", Name = shown, Role = "Probation", PublicContact = "831-555-0100", ShowOnTaskForcePage = true },
                new Agency { JurisdictionId = "monterey", Name = hidden, Role = "Advocacy" },
                new Agency { JurisdictionId = "monterey", Name = inactive, ShowOnTaskForcePage = true, IsActive = false });
            return await db.SaveChangesAsync();
        });

        var html = await factory.CreateBrowserLikeClient().GetHtmlAsync("/task-force/monterey");

        Assert.Contains("Monterey County task force", html);
        Assert.Contains(shown, html);
        Assert.Contains("831-555-0100", html);
        Assert.DoesNotContain(hidden, html);
        Assert.DoesNotContain(inactive, html);
        Assert.Contains("href=\"tel:8314228602\"", html);
        Assert.Contains("831-422-8602", html);
        Assert.Contains("Monterey County Human Trafficking Task Force", html); // the contact's source is cited
        Assert.DoesNotContain("id=\"no-coordinator\"", html);
    }

    [Fact]
    public async Task CountyPage_PlacerWithoutCoordinatorOrEvents_SaysSoPlainly()
    {
        var html = await factory.CreateBrowserLikeClient().GetHtmlAsync("/task-force/placer");

        Assert.Contains("Placer County has not listed a task force coordinator yet.", html);
        Assert.Contains("No upcoming events or trainings are listed for Placer County.", html);
        Assert.Contains("Check this page again later", html);
        Assert.DoesNotContain("tel:8314228602", html);
    }

    [Fact]
    public async Task CountyPage_Events_UpcomingOnlySoonestFirstWithPacificTimeAndSeats()
    {
        var later = await factory.AddEventAsync(startsIn: TimeSpan.FromDays(60), capacity: 5);
        var sooner = await factory.AddEventAsync(startsIn: TimeSpan.FromDays(20), capacity: 1);
        var past = await factory.AddEventAsync(startsIn: TimeSpan.FromDays(-2));
        var cancelled = await factory.AddEventAsync(startsIn: TimeSpan.FromDays(10), cancelled: true);
        var client = factory.CreateBrowserLikeClient();
        await client.RegisterAndConfirmAsync(sooner.Id, "Ana Ruiz", TaskForceKit.Email());

        var html = await client.GetHtmlAsync("/task-force/monterey");

        var soonerAt = html.IndexOf(sooner.TitleEn, StringComparison.Ordinal);
        var laterAt = html.IndexOf(later.TitleEn, StringComparison.Ordinal);
        Assert.True(soonerAt > 0 && laterAt > soonerAt, "upcoming events are listed soonest first");
        Assert.DoesNotContain(past.TitleEn, html);
        Assert.DoesNotContain(cancelled.TitleEn, html);
        Assert.Contains($"Pacific Time ({PacificTime.Abbreviation(sooner.StartsUtc)})", html);
        Assert.Contains("Full — waitlist open", html);
        Assert.Contains("Seats left: 5", html);
    }

    [Fact]
    public async Task CountyPage_UnknownCounty_Returns404()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/task-force/atlantis");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Index_VisitorsCountyKnown_GoesStraightToItUnlessAskedToChoose()
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", "beacon.county=monterey");

        var straight = await client.GetAsync("/task-force");
        var spanish = await client.GetAsync("/task-force?lang=es");
        var choose = await client.GetHtmlAsync("/task-force?choose=true");
        var unknown = await factory.CreateBrowserLikeClient().GetHtmlAsync("/task-force");

        AdminTestKit.AssertRedirect(straight, "/task-force/monterey");
        AdminTestKit.AssertRedirect(spanish, "/task-force/monterey?lang=es");
        Assert.Contains("href=\"/task-force/placer\"", choose);
        Assert.Contains("href=\"/task-force/monterey\" aria-current=\"true\"", choose);
        Assert.Contains("Placer County task force", unknown);
        Assert.Contains("Monterey County task force", unknown);
    }

    [Fact]
    public async Task CountyPage_Spanish_RendersTheTaskForceStringsInSpanish()
    {
        var winter = await factory.AddEventAsync(startsIn: TimeSpan.FromDays(40));

        var html = await factory.CreateBrowserLikeClient().GetHtmlAsync("/task-force/monterey?lang=es");

        Assert.Contains("<html lang=\"es\">", html);
        Assert.Contains("Grupo de trabajo: Condado de Monterey", html);
        Assert.Contains("Próximos eventos y capacitaciones", html);
        Assert.Contains("Agencias participantes", html);
        Assert.Contains("ES " + winter.TitleEn, html);
        Assert.Contains($"hora del Pacífico ({PacificTime.Abbreviation(winter.StartsUtc)})", html);
        Assert.Contains("Capacitación", html);
    }

    [Fact]
    public async Task Layout_AnyPage_LinksToTheTaskForce()
    {
        var html = await factory.CreateBrowserLikeClient().GetHtmlAsync("/");

        Assert.Contains("<a href=\"/task-force\">Task force</a>", html);
    }
}
