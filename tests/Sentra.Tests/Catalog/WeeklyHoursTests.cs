using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog.Search;

namespace Sentra.Tests.Catalog;

/// <summary>Opening hours folded into catalog entries, and "open now" read back from them.</summary>
public sealed class WeeklyHoursTests
{
    private static readonly OpeningHours[] Week =
    [
        new() { Day = DayOfWeek.Saturday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 30) },
        new() { Day = DayOfWeek.Monday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(17, 0) },
    ];

    [Fact]
    public void Hours_fold_into_a_short_text_in_day_order() => Assert.Equal("1:0800-1700,6:0900-1230", WeeklyHours.Format(Week));

    [Fact]
    public void No_hours_fold_into_nothing() => Assert.Null(WeeklyHours.Format([]));

    [Theory]
    [InlineData("2026-11-30 08:00", true)]    // Monday, opening minute
    [InlineData("2026-11-30 16:59", true)]
    [InlineData("2026-11-30 17:00", false)]   // closing minute: closed
    [InlineData("2026-11-30 07:59", false)]
    [InlineData("2026-11-28 12:29", true)]    // Saturday
    [InlineData("2026-11-29 10:00", false)]   // Sunday: no hours
    public void Open_now_follows_the_local_time(string local, bool open) =>
        Assert.Equal(open, WeeklyHours.IsOpen(WeeklyHours.Format(Week), DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Unknown_hours_are_closed() => Assert.False(WeeklyHours.IsOpen(null, new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Unspecified)));

    [Theory]
    [InlineData("2026-11-30 08:00:00")]
    [InlineData("2026-11-30 16:59:59")]
    [InlineData("2026-11-30 17:00:30")]
    [InlineData("2026-11-28 12:29:45")]
    [InlineData("2026-11-28 23:59:30")]
    [InlineData("2026-11-29 10:00:00")]
    public void Pages_and_catalog_results_say_the_same_about_open_now(string local)
    {
        // Product, business and sentra pages read the hours themselves; catalog results read the folded
        // text. Both go through one rule, to the minute, also for hours stored with seconds.
        OpeningHours[] week = [.. Week, new() { Day = DayOfWeek.Saturday, Opens = new TimeOnly(13, 0, 30), Closes = new TimeOnly(23, 59, 59) }];
        var time = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(WeeklyHours.IsOpenDuring(week.Select(h => (h.Day, h.Opens, h.Closes)), time), WeeklyHours.IsOpen(WeeklyHours.Format(week), time));
    }
}
