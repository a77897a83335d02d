using Beacon.Web.Cli;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Accounts;

[Trait("Category", "Data")]
public sealed class AdminCreateCommandTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Run_MismatchedPasswords_SavesNothingAndFails()
    {
        var (exit, _, error) = await RunAsync("mismatch@beacon.test", ["a long pass phrase one", "a long pass phrase two"]);

        Assert.Equal(1, exit);
        Assert.Contains("Nothing was saved", error);
        Assert.False(await UserExistsAsync("mismatch@beacon.test"));
    }

    [Fact]
    public async Task Run_WrongCode_SavesNothingAndFails()
    {
        var (exit, _, error) = await RunAsync("wrongcode@beacon.test", ["a long pass phrase here", "a long pass phrase here"], _ => "123456x");

        Assert.Equal(1, exit);
        Assert.Contains("Code:", error);
        Assert.False(await UserExistsAsync("wrongcode@beacon.test"));
    }

    [Fact]
    public async Task Run_CommonPassword_NamesThePasswordAndSavesNothing()
    {
        var (exit, _, error) = await RunAsync("common@beacon.test", ["passwordpassword", "passwordpassword"]);

        Assert.Equal(1, exit);
        Assert.Contains("Password:", error);
        Assert.False(await UserExistsAsync("common@beacon.test"));
    }

    [Fact]
    public async Task Run_GoodAnswers_CreatesAnEnrolledAdministrator()
    {
        var (exit, output, error) = await RunAsync("shell-admin@beacon.test", ["a long pass phrase here", "a long pass phrase here"]);

        Assert.True(exit == 0, error);
        Assert.Contains("otpauth://totp/Beacon:shell-admin%40beacon.test", output);
        Assert.True(await UserExistsAsync("shell-admin@beacon.test"));
    }

    /// <summary>Answers the prompts in order; the code is computed from the key the command printed.</summary>
    private async Task<(int Exit, string Output, string Error)> RunAsync(
        string email, string[] passwords, Func<string, string>? code = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var answers = new Queue<Func<string>>(passwords.Select(p => (Func<string>)(() => p)));
        answers.Enqueue(() =>
        {
            var key = output.ToString().Split('\n').Single(l => l.StartsWith("Key: ", StringComparison.Ordinal))[5..]
                .Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
            return (code ?? (k => TotpTokenProvider.CodeAt(k, DateTime.UtcNow)))(key);
        });
        var args = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["email"] = email, ["name"] = "Shell Admin", ["county"] = "placer", ["agency"] = "Placer County IT",
        }).Build();

        var command = new AdminCreateCommand(factory.Services, new PromptReader(answers), output, error, interactive: false);
        var exit = await command.RunAsync(args);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<bool> UserExistsAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Beacon.Data.Entities.BeaconUser>>();
        return await users.FindByEmailAsync(email) is not null;
    }

    private sealed class PromptReader(Queue<Func<string>> answers) : TextReader
    {
        public override string? ReadLine() => answers.Count > 0 ? answers.Dequeue()() : null;

        public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());
    }
}
