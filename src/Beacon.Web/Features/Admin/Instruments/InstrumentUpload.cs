using System.Text;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Instruments;

/// <summary>
/// The checks an uploaded instrument file must pass before it is stored (docs/instruments.md,
/// "Importing and retiring"): the loader's own checks, as for a shipped file, then the import rules.
/// Each refusal is one error on the file field, naming what is wrong; nothing is stored.
/// </summary>
public sealed class InstrumentUpload(ScreeningInstruments instruments, BeaconDbContext db, FormCheck check)
{
    public const string Field = "Upload";
    public const string Label = "Instruments.Field.File";

    /// <summary>Ten times the largest shipped file (beacon-full, 55 KB): room for a long licensed tool, no more.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>
    /// The whole request: a larger one is cut off before it is buffered. Twice the file limit, so a file
    /// a little too large still gets the page with a clear message.
    /// </summary>
    public const int RequestLimit = 2 * MaxBytes;

    private const int NameMax = 100;

    public async Task<(Instrument Instrument, string Json)?> CheckAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Fail("Instruments.Error.Required");
        }

        var name = Path.GetFileName(file.FileName.Replace('\\', '/')).Trim();
        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Instruments.Error.NotJson");
        }

        if (file.Length > MaxBytes)
        {
            return Fail("Instruments.Error.TooLarge", (file.Length + 1023) / 1024, MaxBytes / 1024);
        }

        var json = await ReadTextAsync(file, ct);
        if (json is null)
        {
            return Fail("Instruments.Error.NotText");
        }

        Instrument instrument;
        try
        {
            instrument = instruments.Check(Shorten(name), json);
        }
        catch (InstrumentException ex)
        {
            return Fail("Instruments.Error.Invalid", ex.Message);
        }

        return await RefusalAsync(instrument, ct) is { } refusal ? Fail(refusal, instrument.Id, instrument.Version, SavedScreen.InstrumentIdMax)
            : (instrument, json);
    }

    private async Task<string?> RefusalAsync(Instrument instrument, CancellationToken ct)
    {
        // The public check and POST /api/public/screen take the newest active version of an id, so an
        // imported version under a public id would replace the quick check every visitor sees. Imports
        // are for staff only; a new public version is a reviewed file under content/instruments/.
        if (instrument.Audience != InstrumentAudience.Staff)
        {
            return "Instruments.Error.NotStaff";
        }

        if (instrument.Retired)
        {
            return "Instruments.Error.ImportRetired"; // retiring here records who and when
        }

        if (instrument.Id.Length > SavedScreen.InstrumentIdMax)
        {
            return "Instruments.Error.IdTooLong";
        }

        var set = await instruments.CurrentAsync(ct);
        if (set.All.Any(i => i.Id == instrument.Id && i.Audience != InstrumentAudience.Staff))
        {
            return "Instruments.Error.PublicId";
        }

        // Shipped files, and every stored record (an imported version that no longer loads included).
        var known = instruments.Shipped.Any(i => i.Id == instrument.Id && i.Version == instrument.Version)
                    || await db.InstrumentRecords.AnyAsync(r => r.InstrumentId == instrument.Id && r.Version == instrument.Version, ct);
        return known ? "Instruments.Error.Known" : null;
    }

    private (Instrument, string)? Fail(string reasonKey, params object[] args)
    {
        check.Fail(Field, Label, reasonKey, args);
        return null;
    }

    /// <summary>The browser's file name is only shown in messages; a very long one is cut short.</summary>
    private static string Shorten(string name) => name.Length <= NameMax ? name : name[..(NameMax - 6)] + "….json";

    private static async Task<string?> ReadTextAsync(IFormFile file, CancellationToken ct)
    {
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            return await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
