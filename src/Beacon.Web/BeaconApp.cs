using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Intake;
using Beacon.Web.Features.Records.Retention;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Features.Learn;
using Beacon.Web.Features.Reporting;
using Beacon.Web.Features.Scanning;
using Beacon.Web.Features.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Features.TaskForce;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;

namespace Beacon.Web;

/// <summary>The composition root: what Program.cs adds and uses, in one place.</summary>
public static class BeaconApp
{
    public static WebApplicationBuilder AddBeacon(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<BeaconOptions>(builder.Configuration.GetSection(BeaconOptions.Section));
        // First hosted service, so the database is migrated before anything (Data Protection's key ring) reads it.
        services.AddHostedService<StartupTasks>();
        services.AddRetention();
        services.AddSingleton(TimeProvider.System);
        services.AddBeaconDatabase();
        services.AddDataProtection().SetApplicationName("Beacon").PersistKeysToDbContext<BeaconDbContext>();
        services.AddKeyRingEncryption();
        services.AddBeaconAccounts();
        services.AddFormRateLimits();
        services.AddSingleton<SensitiveText>();
        services.AddSingleton<Beacon.Data.Encryption.IColumnProtector>(sp => sp.GetRequiredService<SensitiveText>());
        services.AddBeaconLocalization();
        services.AddMemoryCache();
        // Spanish text stays readable in the page source instead of becoming numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<ContactDirectory>();
        services.AddPublicPageCache();
        services.AddScoped<CurrentJurisdiction>();
        services.AddSingleton<LearnContent>();
        services.AddSingleton<ZipLookup>();
        services.AddSingleton<ScreeningInstruments>();
        services.AddSingleton<BlindIndex>();
        services.AddScoped<Features.Records.YouthIdentity>();
        services.AddScoped<Features.Screening.Screens.ScreenAccess>();
        services.AddScoped<Features.Scanning.ScreenSuggestions>();
        services.AddSingleton(sp => sp.GetRequiredService<Features.Learn.LearnContent>().Catalog);
        services.AddScoped<Features.Analytics.FigureSources>();
        services.AddScoped<Features.Analytics.FigureReleases>();
        services.AddSingleton<Features.Analytics.FigureRefusals>();
        services.AddScoped<Features.Analytics.TrainingFigures>();
        services.AddScoped<RegistrationDesk>();
        services.AddSingleton<Features.Training.QuizTokens>();
        services.AddScoped<Features.Training.QuizMarking>();
        services.AddScoped<Features.Training.TrainingRecords>();
        services.AddCases();
        services.AddReporting();
        services.AddIntake();
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditTrail>();
        services.AddApiProblems();
        // Before AddRazorPages, whose own adapter provider is added only when there is none.
        services.AddBindingMessages();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                o.Conventions.AuthorizeFolder("/Intake", Policies.Intake);
                o.Conventions.AuthorizeFolder("/TaskForce/Manage", Policies.Events);
                o.Conventions.AuthorizeFolder("/Screening/Screens", Policies.Screens);
                o.Conventions.AuthorizeFolder("/Cases", Policies.Cases);
                o.Conventions.AuthorizeFolder("/Analytics", Policies.Figures);
                o.Conventions.AuthorizeFolder("/Training/Roster", Policies.TrainingRoster);
                o.Conventions.AuthorizeFolder("/Youth", Policies.Cases);
                o.Conventions.AuthorizeFolder("/Reporting", Policies.Reports);
                o.Conventions.AuthorizeFolder("/Scanning", Policies.StaffSession);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<FormProblemFilter>();
                o.Filters.Add<CheckboxValues>();
                o.Filters.Add<NulInForms>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "beacon.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHealthChecks().AddDbContextCheck<BeaconDbContext>("database", tags: ["ready"]);
        services.AddOpenApi();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseBeacon(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                // A request refused while its body was read (too large, cut short) is the client's: its 4xx, not a 500.
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }

        // An /api client reads problem details; a person reads the error page.
        app.UseWhen(ApiProblems.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !ApiProblems.IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRememberedLanguageFromQuery();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authentication: the public pages' cache serves and keeps only what a visitor who is not signed in sees.
        app.UseOutputCache();

        app.MapRazorPages();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BeaconOptions>>().Value.BenchmarkCeiling)
        {
            app.MapGet("/bench/ceiling", () => "Beacon").AllowAnonymous();
        }

        app.MapTaskForceCalendar();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .AllowAnonymous();
        app.MapOpenApi();
        app.MapPublicScreenApi();
        app.MapInstrumentsApi();
        app.MapScreensApi();
        app.MapScanApi();
        // Unknown addresses get the 404 page, not a sign-in redirect that would hint at what exists.
        // "{*path}", not MapFallback's default "{*path:nonfile}": /missing.ics must be a 404 too.
        app.MapFallback("{*path}", context =>
        {
            if (ApiProblems.IsApi(context))
            {
                return ApiProblems.FallbackAsync(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
