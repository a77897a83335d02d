using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

[Trait("Category", "Data")]
public sealed class AdminAccessTests : IClassFixture<BeaconFactory>
{
    private readonly BeaconFactory _factory;

    public AdminAccessTests(BeaconFactory factory) => _factory = factory;

    public static TheoryData<string> AdminPaths =>
    [
        "/admin", "/admin/users", "/admin/users/new", "/admin/agencies", "/admin/agencies/new",
        "/admin/jurisdictions", "/admin/jurisdictions/new", "/admin/jurisdictions/placer",
        "/admin/jurisdictions/placer/contacts/placer-child-welfare", "/admin/instruments",
        "/admin/instruments/beacon-full/v1/retire", "/admin/audit",
    ];

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task AdminPage_Caseworker_RedirectsToAccessDenied(string path)
    {
        var caseworker = await _factory.CreateAsync(Roles.Caseworker, Roles.Supervisor);
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(caseworker);

        var response = await client.GetAsync(path);

        AdminTestKit.AssertRedirect(response, "/account/access-denied");
    }

    [Fact]
    public async Task AdminPage_Anonymous_RedirectsToSignIn()
    {
        var response = await _factory.CreateBrowserLikeClient().GetAsync("/admin/users");

        AdminTestKit.AssertRedirect(response, "/account/sign-in");
    }

    [Fact]
    public async Task CreateAgencyPost_Caseworker_RefusedAndNothingSaved()
    {
        var caseworker = await _factory.CreateAsync(Roles.Caseworker);
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(caseworker);
        var name = AdminTestKit.Unique("Sneaky Agency");

        // Any page's form gives a valid antiforgery token for this session.
        var response = await client.PostFormAsync("/county",
            new Dictionary<string, string> { ["County"] = "placer", ["Input.Name"] = name }, action: "/admin/agencies/new");

        AdminTestKit.AssertRedirect(response, "/account/access-denied");
        Assert.False(await _factory.QueryAsync(db => db.Agencies.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task AdminIndex_Administrator_LinksTheThreeAreasWithCounts()
    {
        var (_, client) = await _factory.SignedInAdministratorAsync();

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.HtmlAsync();
        Assert.Contains("href=\"/admin/users\"", html);
        Assert.Contains("href=\"/admin/agencies\"", html);
        Assert.Contains("href=\"/admin/jurisdictions\"", html);
        Assert.Contains("counties, and the national contacts", html);
    }

    [Fact]
    public async Task AdminPages_SpanishQuery_RenderInSpanish()
    {
        var (_, client) = await _factory.SignedInAdministratorAsync();

        var index = await (await client.GetAsync("/admin?lang=es")).HtmlAsync();
        var create = await (await client.GetAsync("/admin/users/new?lang=es")).HtmlAsync();
        var contact = await (await client.GetAsync("/admin/jurisdictions/placer/contacts/placer-child-welfare?lang=es")).HtmlAsync();

        Assert.Contains("<html lang=\"es\">", index);
        Assert.Contains("Cuentas del personal", index);
        Assert.Contains("Agregar una cuenta del personal", create);
        Assert.Contains("Correo electrónico", create); // a shared field name
        Assert.Contains("Trabajador/a de casos", create); // a shared role name
        Assert.Contains("Línea directa de bienestar infantil de 24 horas", contact);
        Assert.DoesNotContain("Users.", create); // no resource key leaked untranslated
    }

    [Fact]
    public async Task CreateUserPost_SpanishMissingFields_ErrorsInSpanish()
    {
        var (_, client) = await _factory.SignedInAdministratorAsync();

        var response = await client.PostFormAsync("/admin/users/new?lang=es", new Dictionary<string, string>());

        var html = await response.HtmlAsync();
        Assert.Contains("Hay un problema", html);
        Assert.Contains("Correo electrónico: este campo es obligatorio.", html);
        Assert.Contains("Nombre: este campo es obligatorio.", html);
        Assert.Contains("Agencia: este campo es obligatorio. Elija una opción de la lista.", html);
    }
}
