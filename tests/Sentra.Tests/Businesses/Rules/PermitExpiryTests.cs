using System.Globalization;
using Sentra.Web.Features.Businesses.Rules;

namespace Sentra.Tests.Businesses.Rules;

public sealed class PermitExpiryTests
{
    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2020-01-01", "2025-01-15", ExpiryState.Expired)]
    [InlineData("2025-01-14", "2025-01-15", ExpiryState.Expired)]
    [InlineData("2025-01-15", "2025-01-15", ExpiryState.ExpiringSoon)] // still valid on its last day
    [InlineData("2025-01-16", "2025-01-15", ExpiryState.ExpiringSoon)]
    [InlineData("2025-07-15", "2025-01-15", ExpiryState.ExpiringSoon)] // exactly 6 months ahead
    [InlineData("2025-07-16", "2025-01-15", ExpiryState.Valid)]
    [InlineData("2030-01-01", "2025-01-15", ExpiryState.Valid)]
    [InlineData("2026-02-28", "2025-08-31", ExpiryState.ExpiringSoon)] // 31 Aug + 6 months = 28 Feb
    [InlineData("2026-03-01", "2025-08-31", ExpiryState.Valid)]
    public void Of_with_default_six_month_warning(string expiry, string today, ExpiryState expected)
    {
        Assert.Equal(expected, PermitExpiry.Of(Date(expiry), Date(today)));
    }

    [Theory]
    [InlineData("2025-04-15", "2025-01-15", 3, ExpiryState.ExpiringSoon)]
    [InlineData("2025-04-16", "2025-01-15", 3, ExpiryState.Valid)]
    [InlineData("2025-01-15", "2025-01-15", 0, ExpiryState.ExpiringSoon)]
    [InlineData("2025-01-16", "2025-01-15", 0, ExpiryState.Valid)]
    [InlineData("2025-01-14", "2025-01-15", 0, ExpiryState.Expired)]
    [InlineData("2026-01-15", "2025-01-15", 12, ExpiryState.ExpiringSoon)]
    [InlineData("2026-01-16", "2025-01-15", 12, ExpiryState.Valid)]
    public void Of_with_custom_warning_period(string expiry, string today, int warnMonths, ExpiryState expected)
    {
        Assert.Equal(expected, PermitExpiry.Of(Date(expiry), Date(today), warnMonths));
    }

    [Fact]
    public void Of_negative_warning_period_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PermitExpiry.Of(Date("2025-01-15"), Date("2025-01-15"), -1));
    }
}
