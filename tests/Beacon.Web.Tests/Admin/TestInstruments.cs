using System.Text;
using System.Text.Json.Nodes;
using Beacon.Core.Jurisdictions;
using Beacon.Web.Features.Screening;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Admin;

/// <summary>Small instrument files for the import tests, built from beacon-full's general items (real catalog IDs).</summary>
internal static class TestInstruments
{
    public const string WhyEn = "Two general signs together are worth a closer look.";

    /// <summary>Three general items and one rule: two of them rated 1 or more give "possible".</summary>
    public static JsonObject Build(BeaconFactory factory, string id, int version = 1, string audience = "staff")
    {
        var full = factory.Services.GetRequiredService<ScreeningInstruments>().Shipped.Single(i => i.Id == "beacon-full");
        var items = full.Items.Where(i => i.Domain == "general").Take(3)
            .Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["text"] = Text(i.Text), ["help"] = Text(i.Help) })
            .ToArray();
        return new JsonObject
        {
            ["id"] = id, ["version"] = version, ["status"] = "active", ["audience"] = audience,
            ["title"] = Text(new($"Test instrument {id}", $"Instrumento de prueba {id}")),
            ["description"] = Text(new("Synthetic, for tests.", "Sintético, para pruebas.")),
            ["scale"] = new JsonObject
            {
                ["none"] = Text(full.ScaleNone), ["possible"] = Text(full.ScalePossible),
                ["clear"] = Text(full.ScaleClear), ["unknown"] = Text(full.ScaleUnknown),
            },
            ["sections"] = new JsonArray(new JsonObject
            {
                ["id"] = "signs", ["title"] = Text(new("Signs", "Señales")), ["items"] = new JsonArray(items),
            }),
            ["rules"] = new JsonArray(new JsonObject
            {
                ["id"] = "signs-together", ["level"] = "possible", ["domains"] = new JsonArray("general"),
                ["minAnswer"] = 1, ["minCount"] = 2, ["why"] = Text(new(WhyEn, "Dos señales generales juntas merecen una mirada más atenta.")),
            }),
        };
    }

    public static byte[] Bytes(JsonNode file) => Encoding.UTF8.GetBytes(file.ToJsonString());

    /// <summary>The catalog IDs of the built instrument's items, in order.</summary>
    public static IReadOnlyList<string> ItemIds(JsonObject file) =>
        file["sections"]![0]!["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();

    private static JsonObject Text(LocalizedText text) => new() { ["en"] = text.En, ["es"] = text.Es };
}
