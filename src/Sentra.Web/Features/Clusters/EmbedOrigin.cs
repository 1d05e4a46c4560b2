using System.Text.RegularExpressions;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Clusters;

/// <summary>
/// The web origins of partner sites that may embed a sentra's widget and read its feed from a browser.
/// An origin is a scheme (https or http), a host and a port when it is not the default one — exactly what
/// browsers send in <c>Origin</c> and what CSP <c>frame-ancestors</c> matches — never a path or a wildcard.
/// Stored lower case, separated by spaces.
/// </summary>
public static partial class EmbedOrigin
{
    public const int MaxCount = 20;
    public const int MaxLength = 200;
    public const int StoredMaxLength = MaxCount * (MaxLength + 1);

    /// <summary>The origin as browsers write it (<c>HTTPS://GodongIjo.example:443/</c> → <c>https://godongijo.example</c>), or the resource key saying why not.</summary>
    public static (string? Origin, string? ErrorKey) Normalize(string text)
    {
        var value = text.Trim();
        if (value.Contains('*', StringComparison.Ordinal)) return (null, "Embed.OriginWildcard");
        if (value.Length > MaxLength) return (null, "Embed.OriginInvalid");
        var separator = value.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0) return (null, "Embed.OriginSchemeMissing");
        var scheme = value[..separator].ToLowerInvariant();
        if (scheme is not ("https" or "http")) return (null, "Embed.OriginScheme");
        var afterScheme = value[(separator + 3)..];
        var end = afterScheme.IndexOfAny(['/', '?', '#', '\\']);
        var authority = end < 0 ? afterScheme : afterScheme[..end];
        var rest = end < 0 ? "" : afterScheme[end..];
        // A single trailing slash is how many people copy a site's address; anything more is a page, not a site.
        if (rest.Length > 0 && rest != "/") return (null, "Embed.OriginPath");
        if (authority.Length == 0 || authority.Contains('@', StringComparison.Ordinal)) return (null, "Embed.OriginInvalid");
        if (!Uri.TryCreate($"{scheme}://{authority}/", UriKind.Absolute, out var uri) || uri.HostNameType == UriHostNameType.Unknown)
            return (null, "Embed.OriginInvalid");
        var host = (uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost).ToLowerInvariant();
        var origin = uri.IsDefaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{uri.Port}";
        // Belt and braces: what reaches a CSP header or an Access-Control-Allow-Origin can hold nothing but an origin.
        return Shape().IsMatch(origin) ? (origin, null) : (null, "Embed.OriginInvalid");
    }

    /// <summary>Every line checked: the distinct normalised origins, and an error (naming the text) for each bad one.</summary>
    public static (IReadOnlyList<string> Origins, IReadOnlyList<FieldError> Errors) Check(IEnumerable<string?> lines, string field)
    {
        var origins = new List<string>();
        var errors = new List<FieldError>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (origin, error) = Normalize(line);
            if (error is not null) errors.Add(new FieldError(field, error, [line.Trim()]));
            else if (!origins.Contains(origin!, StringComparer.Ordinal)) origins.Add(origin!);
        }
        if (origins.Count > MaxCount) errors.Add(new FieldError(field, "Embed.OriginTooMany", [MaxCount]));
        return (origins, errors);
    }

    /// <summary>The text of a textarea (one origin a line; spaces and commas also separate) as separate entries.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static string? Store(IReadOnlyList<string> origins) => origins.Count == 0 ? null : string.Join(' ', origins);

    /// <summary>The stored origins; anything that is not a well-formed origin is dropped rather than trusted.</summary>
    public static IReadOnlyList<string> ListOf(string? stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(o => Shape().IsMatch(o)).ToList();

    [GeneratedRegex(@"^https?://(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
