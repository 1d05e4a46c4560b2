using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// A value read from the database and kept in memory for every request of this instance (the search
/// vocabulary, the sort-bucket sizes, the filter lists). The first reader loads it, and so does the
/// first reader after <see cref="Invalidate"/>: this instance changed what it is read from, so its next
/// search must see the change. Once the value is older than its maximum age, readers keep getting it
/// while one background load replaces it, so changes made by other instances arrive within about that
/// age and no search ever queues behind a reload (the vocabulary takes 0.4 s to read on 100,000 products).
/// A loader that is given the value it replaces may return that same value when its source has not
/// changed (<see cref="CatalogTables"/> compares a version number), which keeps it for another age.
/// </summary>
public sealed class Snapshot<T>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, TimeSpan maxAge,
    Func<AppDbContext, T?, CancellationToken, Task<T>> load) : IDisposable where T : class
{
    public Snapshot(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, TimeSpan maxAge, Func<AppDbContext, CancellationToken, Task<T>> load)
        : this(scopes, clock, logger, maxAge, (db, _, cancellationToken) => load(db, cancellationToken))
    {
    }

    private sealed record State(T Value, DateTimeOffset LoadedAt, int Generation);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private State? _state;
    private int _generation;
    private int _refreshing;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _loading.Dispose();

    public async Task<T> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (Current() is { } state)
        {
            if (clock.GetUtcNow() - state.LoadedAt >= maxAge) RefreshInBackground();
            return state.Value;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } loaded) return loaded.Value;
            return (await LoadAsync(db, cancellationToken)).Value;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The value, unless this instance changed its source since it was read.</summary>
    private State? Current() => Volatile.Read(ref _state) is { } state && state.Generation == Volatile.Read(ref _generation) ? state : null;

    private async Task<State> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _generation); // read first: a change during the load makes the next reader load again
        var state = new State(await load(db, Volatile.Read(ref _state)?.Value, cancellationToken), clock.GetUtcNow(), generation);
        Volatile.Write(ref _state, state);
        return state;
    }

    private void RefreshInBackground()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await _loading.WaitAsync();
                try
                {
                    if (Current() is not { } state || clock.GetUtcNow() - state.LoadedAt < maxAge) return; // loaded meanwhile
                    await using var scope = scopes.CreateAsyncScope();
                    await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
                }
                finally
                {
                    _loading.Release();
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The old value stays in use; the next reader past the age tries again.
                logger.LogWarning(e, "Reloading {Value} failed", typeof(T).Name);
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }
}
