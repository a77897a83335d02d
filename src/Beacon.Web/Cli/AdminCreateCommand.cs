using System.Text;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Beacon.Web.Cli;

/// <summary>
/// <c>beacon admin create</c>: the shell's way to the same result as the setup link: an
/// administrator with a chosen password and an enrolled authenticator, or nothing at all.
/// </summary>
public sealed class AdminCreateCommand(IServiceProvider services, TextReader input, TextWriter output, TextWriter error, bool interactive)
{
    public async Task<int> RunAsync(IConfiguration arguments)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BeaconDbContext>();
        var counties = await db.Jurisdictions.Where(j => !j.IsNational).Select(j => j.Id).OrderBy(id => id).ToListAsync();

        var email = arguments["email"] ?? await AskAsync("Email: ");
        var name = arguments["name"] ?? await AskAsync("Your name: ");
        var county = arguments["county"] ?? await AskAsync($"County ({string.Join(", ", counties)}): ");
        var agency = arguments["agency"] ?? await AskAsync("Your agency: ");
        var missing = new[] { ("--email", email), ("--name", name), ("--county", county), ("--agency", agency) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            await error.WriteLineAsync($"Missing: {string.Join(", ", missing)}.");
            return 1;
        }

        var password = await AskSecretAsync("Password (12 to 128 characters): ");
        var confirm = await AskSecretAsync("Password again: ");
        if (password != confirm)
        {
            await error.WriteLineAsync("Password: the two entries differ. Nothing was saved.");
            return 1;
        }

        var key = sp.GetRequiredService<UserManager<Data.Entities.BeaconUser>>().GenerateNewAuthenticatorKey();
        var uri = AuthenticatorUri.For(email!.Trim(), key);
        await output.WriteLineAsync("Add this account to your authenticator app by scanning the code or typing the key.");
        await output.WriteLineAsync(new AsciiQRCode(new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M))
            .GetGraphicSmall());
        await output.WriteLineAsync($"Key: {AuthenticatorUri.Group(key)}");
        await output.WriteLineAsync($"URI: {uri}");
        var code = await AskAsync("Six-digit code from the app: ") ?? "";
        if (!TotpTokenProvider.TryMatch(key, code, DateTime.UtcNow, out var step))
        {
            await error.WriteLineAsync("Code: it does not match the key (check the phone's clock). Nothing was saved.");
            return 1;
        }

        var result = await sp.GetRequiredService<AccountCreation>().CreateAdministratorAsync(
            new FirstAdministrator(email, name!, county!.Trim(), agency!, password ?? "", key, step), setupTokenId: null);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                await error.WriteLineAsync($"{(field.Length > 0 ? field : "Error")}: {message}");
            }

            await error.WriteLineAsync("Nothing was saved.");
            return 1;
        }

        await output.WriteLineAsync($"Administrator {result.User!.Email} created. Sign in at /account/sign-in.");
        return 0;
    }

    private async Task<string?> AskAsync(string prompt)
    {
        await output.WriteAsync(prompt);
        return (await input.ReadLineAsync())?.Trim();
    }

    private async Task<string?> AskSecretAsync(string prompt)
    {
        if (!interactive)
        {
            return await AskAsync(prompt);
        }

        await output.WriteAsync(prompt);
        var secret = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
            {
                secret.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }

        await output.WriteLineAsync();
        return secret.ToString();
    }
}
