using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Security;

/// <summary>Logs are read by people who must not see who signed in or what they typed.</summary>
public sealed class LoggingTests(CapturingLogsFactory factory) : IClassFixture<CapturingLogsFactory>
{
    [Fact]
    public async Task Logs_SignInsGoodAndBad_HoldNoEmailOrPassword()
    {
        var user = await factory.CreateAsync(Roles.Caseworker);
        await factory.CreateBrowserLikeClient().SignInAsync(user);
        await factory.CreateBrowserLikeClient().SignInAsync(user with { Password = "a wrong password typed here" });
        await factory.CreateBrowserLikeClient().SignInAsync(user with { Email = "stranger@beacon.test" });

        Assert.NotEmpty(factory.Lines);
        var leaked = factory.Lines.Where(l =>
            l.Text.Contains("@beacon.test", StringComparison.OrdinalIgnoreCase) ||
            l.Text.Contains(user.Password, StringComparison.Ordinal) ||
            l.Text.Contains("a wrong password typed here", StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "Personal data in logs:\n" + string.Join("\n", leaked));
    }
}
