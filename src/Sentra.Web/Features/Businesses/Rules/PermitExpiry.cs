namespace Sentra.Web.Features.Businesses.Rules;

public enum ExpiryState
{
    Valid = 0,
    ExpiringSoon = 1,
    Expired = 2,
}

/// <summary>Whether a permit (PIRT, BPOM MD, halal certificate…) needs attention.</summary>
public static class PermitExpiry
{
    public const int DefaultWarnMonths = 6;

    /// <summary>
    /// Expired after the expiry date; expiring soon from <paramref name="warnMonths"/> months before it
    /// up to and including the expiry date itself (the permit is still valid that day).
    /// </summary>
    public static ExpiryState Of(DateOnly expiry, DateOnly today, int warnMonths = DefaultWarnMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warnMonths);

        if (expiry < today)
        {
            return ExpiryState.Expired;
        }
        return expiry <= today.AddMonths(warnMonths) ? ExpiryState.ExpiringSoon : ExpiryState.Valid;
    }
}
