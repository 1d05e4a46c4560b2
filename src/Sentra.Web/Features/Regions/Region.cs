namespace Sentra.Web.Features.Regions;

/// <summary>A Kemendagri region: province, city/regency, district (kecamatan) or village (kelurahan/desa).</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-cased name, so a LIKE search behaves the same on SQLite and PostgreSQL.</summary>
    public required string SearchName { get; set; }
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }
}

public enum RegionLevel
{
    Province = 1,
    City = 2,
    District = 3,
    Village = 4,
}

/// <summary>Rules on dotted region codes (<c>32.76.11.1004</c>).</summary>
public static class RegionCodes
{
    public static RegionLevel LevelOf(string code) => (RegionLevel)(code.Count(c => c == '.') + 1);

    public static string? ParentOf(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot < 0 ? null : code[..dot];
    }

    /// <summary>
    /// Whether <paramref name="code"/> lies inside <paramref name="scope"/>. The empty scope is the
    /// whole country; <c>32.76</c> covers <c>32.76</c> and everything below it but not <c>32.760</c>.
    /// </summary>
    public static bool IsWithin(string? code, string scope)
    {
        if (scope.Length == 0) return true;
        if (string.IsNullOrEmpty(code)) return false;
        return code == scope || code.StartsWith(scope + ".", StringComparison.Ordinal);
    }

    /// <summary>Converts a NIK's six-digit district prefix (<c>327611</c>) to a dotted code (<c>32.76.11</c>).</summary>
    public static string FromNikPrefix(string sixDigits) => $"{sixDigits[..2]}.{sixDigits[2..4]}.{sixDigits[4..6]}";
}
