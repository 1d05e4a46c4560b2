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

    /// <summary>Whether <paramref name="local"/> (the business's own time) falls inside one of the spans.</summary>
    public static bool IsOpen(string? hours, DateTime local)
    {
        if (string.IsNullOrEmpty(hours)) return false;
        var day = (int)local.DayOfWeek;
        var now = local.Hour * 100 + local.Minute;
        foreach (var span in hours.Split(','))
        {
            // d:HHmm-HHmm
            if (span.Length != 11 || span[0] - '0' != day) continue;
            var opens = int.Parse(span.AsSpan(2, 4), CultureInfo.InvariantCulture);
            var closes = int.Parse(span.AsSpan(7, 4), CultureInfo.InvariantCulture);
            if (now >= opens && now < closes) return true;
        }
        return false;
    }
}
