using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sentra.Web.Infrastructure.Errors;

namespace Sentra.Tests.Infrastructure.Errors;

/// <summary>A request the client walked away from is not an error; a cancellation the client did not cause still is.</summary>
public sealed class AbortedRequestMiddlewareTests
{
    private sealed class Recorded : ILogger<AbortedRequestMiddleware>
    {
        public List<LogLevel> Levels { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Levels.Add(logLevel);
    }

    private static readonly RequestDelegate Cancelled = context => throw new OperationCanceledException(context.RequestAborted);

    [Fact]
    public async Task A_cancellation_after_the_client_left_ends_the_request_quietly()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        var log = new Recorded();
        await new AbortedRequestMiddleware(Cancelled, log).InvokeAsync(context);
        Assert.Equal([LogLevel.Debug], log.Levels);
    }

    [Fact]
    public async Task Other_cancellations_still_reach_the_error_handler()
    {
        var log = new Recorded();
        await Assert.ThrowsAsync<OperationCanceledException>(() => new AbortedRequestMiddleware(Cancelled, log).InvokeAsync(new DefaultHttpContext()));
        Assert.Empty(log.Levels);
    }
}
