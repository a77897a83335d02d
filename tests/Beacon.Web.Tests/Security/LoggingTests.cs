using System.Collections.Concurrent;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Beacon.Web.Tests.Security;

public sealed class CapturingLogsFactory : BeaconFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.Services.AddSingleton<ILoggerProvider>(new CapturingProvider(Lines));
        });
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}

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
            l.Contains("@beacon.test", StringComparison.OrdinalIgnoreCase) ||
            l.Contains(user.Password, StringComparison.Ordinal) ||
            l.Contains("a wrong password typed here", StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "Personal data in logs:\n" + string.Join("\n", leaked));
    }
}
