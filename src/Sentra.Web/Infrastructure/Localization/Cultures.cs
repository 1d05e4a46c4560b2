using System.Globalization;

namespace Sentra.Web.Infrastructure.Localization;

/// <summary>The two languages: Bahasa Indonesia first, English second.</summary>
public static class Cultures
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";
    /// <summary>URL prefix that puts a public page in English: <c>/en/…</c>.</summary>
    public const string EnglishPrefix = "en";

    public static readonly CultureInfo IndonesianCulture = CultureInfo.GetCultureInfo(Indonesian);
    public static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo(English);
    public static readonly CultureInfo[] Supported = [IndonesianCulture, EnglishCulture];

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
    public static bool IsEnglish() => IsEnglish(CultureInfo.CurrentUICulture);
}

/// <summary>Indonesian and English display formats for money and dates.</summary>
public static class Formats
{
    /// <summary><c>Rp 15.000</c> in Indonesian, <c>Rp 15,000</c> in English: whole Rupiah, no decimals.</summary>
    public static string Rupiah(long amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var sign = amount < 0 ? "-" : "";
        return $"{sign}Rp {Math.Abs(amount).ToString("N0", culture)}";
    }

    /// <summary><c>9 Januari 2018</c> / <c>9 January 2018</c>.</summary>
    public static string Date(DateOnly date, CultureInfo? culture = null) =>
        date.ToString("d MMMM yyyy", culture ?? CultureInfo.CurrentCulture);

    /// <summary>An instant (stored in UTC) in a local time zone: <c>9 Januari 2018 14.05</c>.</summary>
    public static string DateTime(System.DateTime utc, string timeZone = "Asia/Jakarta", CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc),
            TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return local.ToString("d MMMM yyyy " + culture.DateTimeFormat.ShortTimePattern, culture);
    }
}
