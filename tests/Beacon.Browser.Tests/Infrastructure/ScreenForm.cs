using System.Text.RegularExpressions;
using Beacon.Core.Screening;
using Beacon.Web.Features.Screening;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>Staff screens saved through the real pages by a signed-in reporter, caseworker or supervisor.</summary>
public static partial class ScreenForm
{
    public const string Full = "beacon-full";

    /// <summary>The active version of an instrument as the server has it, for its wording in either language.</summary>
    public static async Task<Instrument> InstrumentAsync(this BeaconServer server, string id = Full) =>
        (await server.Services.GetRequiredService<ScreeningInstruments>().CurrentAsync()).Active(id)
        ?? throw new InvalidOperationException($"No active instrument '{id}'.");

    /// <summary>
    /// Starts a screen of <paramref name="instrument"/> (about <paramref name="tip"/> if given), rates the
    /// items given (0, 1 or 2; the rest stay unknown), then saves it as a draft or finishes it; returns its id.
    /// </summary>
    public static async Task<Guid> SaveScreenAsync(this IPage page, BeaconServer server, string? reference,
        IReadOnlyDictionary<string, int> answers, bool finish, Guid? tip = null, string instrument = Full)
    {
        await page.GotoAsync(server.Url($"/screening/edit?instrument={instrument}" + (tip is { } t ? $"&tip={t}" : "")));
        if (reference is not null)
        {
            await page.Locator("#reference").FillAsync(reference);
        }

        foreach (var (item, answer) in answers)
        {
            await page.Locator($"#{item}-{answer}").CheckAsync();
        }

        await page.Locator($"main button[name=action][value={(finish ? "finish" : "save")}]").ClickAsync();
        var landed = finish ? DetailsUrl() : DraftUrl();
        await Expect(page).ToHaveURLAsync(landed);
        return Guid.Parse(landed.Match(page.Url).Groups["id"].Value);
    }

    /// <summary>A saved screen's details page, <c>/screening/{id}</c>.</summary>
    [GeneratedRegex("/screening/(?<id>[0-9a-f-]{36})$")]
    public static partial Regex DetailsUrl();

    /// <summary>A draft's form, <c>/screening/edit/{id}</c>.</summary>
    [GeneratedRegex("/screening/edit/(?<id>[0-9a-f-]{36})$")]
    public static partial Regex DraftUrl();
}
