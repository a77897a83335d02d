using PdfSharp.Fonts;

namespace Beacon.Web.Features.Cases.Exports;

/// <summary>
/// The only font PDFsharp is given: DejaVu Sans (regular and bold), embedded in the assembly
/// (Fonts/LICENSE.txt), so that a PDF never depends on, or reads, the fonts of the machine. Every
/// family asked for resolves to it; italic is simulated.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static readonly EmbeddedFonts Instance = new();
    private static bool _installed;
    private static readonly Dictionary<string, byte[]> Faces = new(StringComparer.Ordinal)
    {
        [Regular] = Load(Regular), [Bold] = Load(Bold),
    };

    /// <summary>
    /// Readies PDFsharp for the process: its licence, then this resolver. PDFsharp's font setting is
    /// global and may be set only before its first font operation, and then only again with the same
    /// instance; so one instance, once.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            // PDFsharp 6.5 is dual-licensed, AGPL-3.0-only or commercial, and refuses to work until the
            // code names one. This names AGPL: Beacon's source must then be offered to everyone who uses
            // it over the network. A county holding a commercial licence calls PdfSharpLicense.LoadLicense(key)
            // here instead. (ADR-009 assumed MIT: that held up to 6.2, which the package mirror does not have.)
            if (!_installed)
            {
                PdfSharp.PdfSharpLicense.SetAgplLicense();
                GlobalFontSettings.FontResolver = Instance;
                _installed = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => Faces.GetValueOrDefault(faceName);

    private static byte[] Load(string face)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Beacon.Fonts.{face}.ttf")
                           ?? throw new InvalidOperationException($"The font {face}.ttf is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
