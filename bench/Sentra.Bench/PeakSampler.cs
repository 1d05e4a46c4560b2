using System.Diagnostics;

namespace Sentra.Bench;

/// <summary>Samples the process working set every 50 ms and keeps the peak since the last reset.</summary>
public sealed class PeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Reset() => Interlocked.Exchange(ref _peak, 0);

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen) { }
    }

    public void Dispose() => _timer.Dispose();
}
