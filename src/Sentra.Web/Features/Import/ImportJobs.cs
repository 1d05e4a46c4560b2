using System.Collections.Concurrent;
using System.Security.Claims;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;

namespace Sentra.Web.Features.Import;

public enum ImportState
{
    Analysing,
    Ready,
    Committing,
    Done,
    Failed,
}

public sealed class ImportJob
{
    public Guid Id { get; } = Guid.NewGuid();
    public required string UserId { get; init; }
    public required string FileName { get; init; }
    public ImportState State { get; set; }
    /// <summary>0 to 1, for the progress bar.</summary>
    public double Progress { get; set; }
    public ImportPlan? Plan { get; set; }
    public ImportResult? Result { get; set; }
    public string? ErrorKey { get; set; }
    public DateTime StartedAt { get; init; }
    public bool IsRunning => State is ImportState.Analysing or ImportState.Committing;
}

/// <summary>
/// Runs imports in the background so a large file shows a progress bar instead of a request that
/// times out. Jobs live in this instance's memory for two hours; with several app instances the
/// import pages need session affinity (noted in docs/decisions).
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    public ImportJob? Get(ClaimsPrincipal user, Guid id)
    {
        Expire();
        return _jobs.TryGetValue(id, out var job) && job.UserId == user.UserId() ? job : null;
    }

    public ImportJob StartAnalysis(ClaimsPrincipal user, byte[] file, string fileName, int? clusterId)
    {
        Expire();
        var job = new ImportJob { UserId = user.UserId()!, FileName = fileName, State = ImportState.Analysing, StartedAt = clock.GetUtcNow().UtcDateTime };
        _jobs[job.Id] = job;
        Run(user, job, async services =>
        {
            await using var stream = new MemoryStream(file, writable: false);
            job.Plan = await services.GetRequiredService<ImportAnalyser>().AnalyseAsync(user, stream, fileName, clusterId, p => job.Progress = p);
            job.Progress = 1;
            job.State = ImportState.Ready;
        });
        return job;
    }

    /// <summary>Starts the commit of a finished dry run; false when the job is not ready or has nothing to commit.</summary>
    public bool StartCommit(ClaimsPrincipal user, Guid id)
    {
        var job = Get(user, id);
        if (job is not { State: ImportState.Ready, Plan.CanCommit: true }) return false;
        lock (job)
        {
            if (job.State != ImportState.Ready) return false;
            job.State = ImportState.Committing;
            job.Progress = 0;
        }
        Run(user, job, async services =>
        {
            job.Result = await services.GetRequiredService<ImportCommitter>().CommitAsync(user, job.Plan!, p => job.Progress = p);
            job.Progress = 1;
            job.State = ImportState.Done;
        });
        return true;
    }

    private void Run(ClaimsPrincipal user, ImportJob job, Func<IServiceProvider, Task> work)
    {
        // The request's HttpContext must not flow into the background work.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(async () =>
            {
                AuditInterceptor.BackgroundUser.Value = user;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await work(scope.ServiceProvider);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Import {Job} of {File} failed", job.Id, job.FileName);
                    job.ErrorKey = "Import.Failed";
                    job.State = ImportState.Failed;
                }
            });
        }
    }

    private void Expire()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var (id, job) in _jobs)
            if (job.StartedAt < cutoff && !job.IsRunning) _jobs.TryRemove(id, out _);
    }
}
