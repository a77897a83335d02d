using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>One log line as the app wrote it: its category, level and formatted text (with its exception).</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Text);

/// <summary>
/// Beacon with every log line of every category captured, Trace included. The provider has its own filter
/// rule, so the app's settings ("Microsoft.AspNetCore": Warning) do not hide the framework's debug lines from it.
/// </summary>
public sealed class CapturingLogsFactory : BeaconFactory
{
    public ConcurrentQueue<CapturedLog> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.Services.AddSingleton<ILoggerProvider>(new Provider(Lines));
            logging.AddFilter<Provider>(null, LogLevel.Trace);
        });
    }

    private sealed class Provider(ConcurrentQueue<CapturedLog> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CapturedLog(category, logLevel, $"{formatter(state, exception)} {state} {exception}"));
    }
}
