using System.Globalization;
using System.Text;
using Sentra.Web.Features.Businesses;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// A business's opening hours folded into a short text on its catalog entries
/// (<c>1:0800-1700,6:0900-1200</c>: day of week, local opening and closing time), so a results page
/// tells who is open now without another query. Pure.
/// </summary>
public static class WeeklyHours
{
    public static string? Format(IEnumerable<OpeningHours> hours)
    {
        var text = new StringBuilder();
        foreach (var h in hours.OrderBy(h => h.Day).ThenBy(h => h.Opens))
        {
            if (text.Length > 0) text.Append(',');
            text.Append(CultureInfo.InvariantCulture, $"{(int)h.Day}:{h.Opens:HHmm}-{h.Closes:HHmm}");
        }
        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>Whether <paramref name="local"/> (the business's own time) falls inside one of the spans of <see cref="Format"/>'s text.</summary>
    public static bool IsOpen(string? hours, DateTime local)
    {
        if (string.IsNullOrEmpty(hours)) return false;
        var spans = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var span in hours.Split(','))
        {
            // d:HHmm-HHmm (read by hand: twenty results a page, each with a week of spans)
            if (span.Length != 11 || span[0] is < '0' or > '6' || Time(span.AsSpan(2, 4)) is not { } opens || Time(span.AsSpan(7, 4)) is not { } closes) continue;
            spans.Add(((DayOfWeek)(span[0] - '0'), opens, closes));
        }
        return IsOpenDuring(spans, local);
    }

    /// <summary><c>HHmm</c> as written by <see cref="Format"/>; null when it is not a time of day.</summary>
    private static TimeOnly? Time(ReadOnlySpan<char> hhmm)
    {
        foreach (var c in hhmm)
            if (!char.IsAsciiDigit(c)) return null;
        var hour = (hhmm[0] - '0') * 10 + hhmm[1] - '0';
        var minute = (hhmm[2] - '0') * 10 + hhmm[3] - '0';
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>
    /// The one "open now" rule for every public page: open when the local time, to the minute, is at or
    /// after a span's opening and before its closing on that day.
    /// </summary>
    public static bool IsOpenDuring(IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> spans, DateTime local)
    {
        var now = local.Hour * 60 + local.Minute;
        return spans.Any(s => s.Day == local.DayOfWeek && now >= s.Opens.Hour * 60 + s.Opens.Minute && now < s.Closes.Hour * 60 + s.Closes.Minute);
    }
}
