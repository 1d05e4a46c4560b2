using System.Text.RegularExpressions;

namespace Sentra.Web.Infrastructure;

/// <summary>
/// The map tiles behind the coordinate picker: the one third-party source a page may load. An empty
/// <see cref="TileUrl"/> turns the map off; a relative one (e.g. "/tiles/{z}/{x}/{y}.png") keeps tiles on this host.
/// </summary>
public sealed partial class MapOptions
{
    public const string Section = "Sentra:Map";

    /// <summary>Leaflet tile URL template: {z}/{x}/{y}, and {s} for a subdomain.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Credit shown on the map, as the tile provider's terms require.</summary>
    public string Attribution { get; set; } = "© OpenStreetMap contributors";

    public int MaxZoom { get; set; } = 19;

    public bool Enabled => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>
    /// The tiles' origin as a CSP source ("https://tile.example.org", "{s}." becoming "*."), or null
    /// when tiles come from this host or the map is off.
    /// </summary>
    public string? TileOrigin => OriginOf(TileUrl);

    public static string? OriginOf(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return null;
        var match = AbsoluteUrl().Match(tileUrl.Trim());
        if (!match.Success) return null;
        var host = match.Groups["host"].Value.Replace("{s}", "*", StringComparison.Ordinal).ToLowerInvariant();
        return HostSource().IsMatch(host) ? $"{match.Groups["scheme"].Value.ToLowerInvariant()}://{host}" : null;
    }

    /// <summary>True for a usable tile URL: empty (off), site-relative, or http(s) with a plain host.</summary>
    public static bool IsValidTileUrl(string? tileUrl) =>
        string.IsNullOrWhiteSpace(tileUrl)
        || (tileUrl.StartsWith('/') && !tileUrl.StartsWith("//", StringComparison.Ordinal))
        || OriginOf(tileUrl) is not null;

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[^/?#\s]+)(?:[/?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    // A CSP host source: an optional leading "*." wildcard, DNS labels, an optional port. Nothing that could end the directive.
    [GeneratedRegex(@"^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$")]
    private static partial Regex HostSource();
}

public static class MapSetup
{
    public static IServiceCollection AddSentraMap(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>()
            .Bind(configuration.GetSection(MapOptions.Section))
            .Validate(o => MapOptions.IsValidTileUrl(o.TileUrl),
                "Sentra:Map:TileUrl must be empty, a site-relative path or an http(s) URL with a plain host ({s} allowed as the first label).")
            .Validate(o => o.MaxZoom is >= 1 and <= 22, "Sentra:Map:MaxZoom must be between 1 and 22.")
            .ValidateOnStart();
        return services;
    }
}
