using QRCoder;

namespace Beacon.Web.Features.Accounts;

/// <summary>The otpauth:// URI an authenticator app reads, and its QR code as a PNG data URI.</summary>
public static class AuthenticatorUri
{
    public const string Issuer = "Beacon";

    public static string For(string accountLabel, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountLabel)}" +
        $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    public static string QrDataUri(string uri)
    {
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The key in groups of four, easier to type.</summary>
    public static string Group(string key) =>
        string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}
