using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Data;
using Sentra.Web.Features.Catalog.Search;

namespace Sentra.Tests.Catalog;

/// <summary>
/// In-memory copies of database reads (vocabulary, bucket sizes, filter lists): a change made here is
/// seen by the next search; an old copy is served while one background load replaces it.
/// </summary>
public sealed class SnapshotTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Source
    {
        private int _loads;
        public int Loads => Volatile.Read(ref _loads);
        public bool Fail { get; set; }
        public TaskCompletionSource? Gate { get; set; }

        public async Task<string> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            Assert.NotNull(db);
            if (Gate is { } gate) await gate.Task;
            if (Fail) throw new InvalidOperationException("database away");
            return "value " + Interlocked.Increment(ref _loads);
        }
    }

    /// <summary>A snapshot with a maximum age of one minute over a counting source, and a context to read with.</summary>
    private sealed class Setup : IDisposable
    {
        private readonly IServiceScope _scope;

        public Setup(AppFixture fixture)
        {
            Snapshot = new(fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), Clock, NullLogger.Instance, TimeSpan.FromMinutes(1),
                Source.LoadAsync);
            _scope = fixture.App.Services.CreateScope();
            Db = _scope.ServiceProvider.GetRequiredService<AppDbContext>();
        }

        public Clock Clock { get; } = new();
        public Source Source { get; } = new();
        public Snapshot<string> Snapshot { get; }
        public AppDbContext Db { get; }

        public Task<string> GetAsync() => Snapshot.GetAsync(Db);

        public void Dispose()
        {
            Snapshot.Dispose();
            _scope.Dispose();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    [Fact]
    public async Task The_first_reader_loads_and_later_readers_share_the_copy()
    {
        using var setup = new Setup(fixture);
        var (clock, source) = (setup.Clock, setup.Source);

        Assert.Equal("value 1", await setup.GetAsync());
        clock.Now += TimeSpan.FromSeconds(59);
        Assert.Equal("value 1", await setup.GetAsync());
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task After_a_change_here_the_next_reader_waits_for_a_fresh_copy()
    {
        using var setup = new Setup(fixture);

        Assert.Equal("value 1", await setup.GetAsync());
        setup.Snapshot.Invalidate();
        Assert.Equal("value 2", await setup.GetAsync());
        Assert.Equal("value 2", await setup.GetAsync());
    }

    [Fact]
    public async Task An_old_copy_is_served_while_one_background_load_replaces_it()
    {
        using var setup = new Setup(fixture);
        var (clock, source) = (setup.Clock, setup.Source);
        Assert.Equal("value 1", await setup.GetAsync());

        clock.Now += TimeSpan.FromMinutes(2);
        source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Many readers past the age: all get the old copy at once, and only one load starts.
        for (var i = 0; i < 20; i++) Assert.Equal("value 1", await setup.GetAsync());
        source.Gate.SetResult();
        await WaitForAsync(() => source.Loads == 2);
        await WaitForAsync(() => setup.GetAsync().Result == "value 2");
        await Task.Delay(100);
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public async Task A_failed_background_load_keeps_the_old_copy_and_is_tried_again()
    {
        using var setup = new Setup(fixture);
        var (clock, source) = (setup.Clock, setup.Source);
        Assert.Equal("value 1", await setup.GetAsync());

        clock.Now += TimeSpan.FromMinutes(2);
        source.Fail = true;
        Assert.Equal("value 1", await setup.GetAsync());
        await Task.Delay(200);
        Assert.Equal("value 1", await setup.GetAsync());

        source.Fail = false;
        await WaitForAsync(() => setup.GetAsync().Result == "value 2");
    }
}
