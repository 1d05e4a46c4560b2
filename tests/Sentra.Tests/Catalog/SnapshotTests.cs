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

    private Snapshot<string> Create(Clock clock, Source source) => new(fixture.App.Services.GetRequiredService<IServiceScopeFactory>(), clock,
        NullLogger.Instance, TimeSpan.FromMinutes(1), source.LoadAsync);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    [Fact]
    public async Task The_first_reader_loads_and_later_readers_share_the_copy()
    {
        var (clock, source) = (new Clock(), new Source());
        using var snapshot = Create(clock, source);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal("value 1", await snapshot.GetAsync(db));
        clock.Now += TimeSpan.FromSeconds(59);
        Assert.Equal("value 1", await snapshot.GetAsync(db));
        Assert.Equal(1, source.Loads);
    }

    [Fact]
    public async Task After_a_change_here_the_next_reader_waits_for_a_fresh_copy()
    {
        var (clock, source) = (new Clock(), new Source());
        using var snapshot = Create(clock, source);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal("value 1", await snapshot.GetAsync(db));
        snapshot.Invalidate();
        Assert.Equal("value 2", await snapshot.GetAsync(db));
        Assert.Equal("value 2", await snapshot.GetAsync(db));
    }

    [Fact]
    public async Task An_old_copy_is_served_while_one_background_load_replaces_it()
    {
        var (clock, source) = (new Clock(), new Source());
        using var snapshot = Create(clock, source);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("value 1", await snapshot.GetAsync(db));

        clock.Now += TimeSpan.FromMinutes(2);
        source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Many readers past the age: all get the old copy at once, and only one load starts.
        for (var i = 0; i < 20; i++) Assert.Equal("value 1", await snapshot.GetAsync(db));
        source.Gate.SetResult();
        await WaitForAsync(() => source.Loads == 2);
        await WaitForAsync(() => snapshot.GetAsync(db).Result == "value 2");
        await Task.Delay(100);
        Assert.Equal(2, source.Loads);
    }

    [Fact]
    public async Task A_failed_background_load_keeps_the_old_copy_and_is_tried_again()
    {
        var (clock, source) = (new Clock(), new Source());
        using var snapshot = Create(clock, source);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("value 1", await snapshot.GetAsync(db));

        clock.Now += TimeSpan.FromMinutes(2);
        source.Fail = true;
        Assert.Equal("value 1", await snapshot.GetAsync(db));
        await Task.Delay(200);
        Assert.Equal("value 1", await snapshot.GetAsync(db));

        source.Fail = false;
        await WaitForAsync(() => snapshot.GetAsync(db).Result == "value 2");
    }
}
