using System.Collections.Concurrent;
using System.Text;

namespace Sentra.Web.Features.Import.Parsing;

/// <summary>The outcome of <see cref="VillageMatcher.Match"/>.</summary>
/// <param name="Code">The village's region code when exactly one village matched, else null.</param>
/// <param name="ErrorKey">Null on success, else one of the <c>ImportErrors.Village*</c> keys.</param>
/// <param name="Candidates">Codes of the villages the text could mean (ambiguous) or nearly matches (unknown), sorted.</param>
public sealed record VillageMatch(string? Code, string? ErrorKey, IReadOnlyList<string> Candidates)
{
    public bool IsMatch => Code is not null;
}

/// <summary>
/// Finds a village (kelurahan/desa) by the name an office typed. Names are compared after normalising:
/// <list type="bullet">
/// <item>case, punctuation and spacing are ignored ("Bojong Sari" = "BOJONGSARI" = "Bojongsari");</item>
/// <item>leading "Kel.", "Kelurahan", "Desa", "Ds." (and "Kec.", "Kecamatan" for districts) are dropped;</item>
/// <item>abbreviations expanded: "Pd." → Pondok, "Kp." → Kampung, "Tj." → Tanjung; "Jl." is ignored.</item>
/// </list>
/// An exact normalised name wins. A name used by several villages is resolved by the district, when it is given and
/// known; otherwise it is <see cref="ImportErrors.VillageAmbiguous"/>. A unique village in another known district than
/// the one given is <see cref="ImportErrors.VillageDistrictMismatch"/>. Failing an exact match, a name of at least six
/// letters may differ from a village's by one edit (insertion, deletion, substitution or swap of neighbours) if that
/// leaves exactly one village; else <see cref="ImportErrors.VillageUnknown"/>, with any near matches as candidates.
/// The district of a village is the parent of its dotted code ("32.76.11.1004" → "32.76.11").
/// Thread-safe; results are cached per (village, district) text.
/// </summary>
public sealed class VillageMatcher
{
    /// <summary>The shortest normalised name for which a one-letter typo is forgiven.</summary>
    public const int TypoMinimumLength = 6;

    private const int CacheLimit = 50_000;

    private static readonly string[] VillagePrefixes = ["kel", "kelurahan", "desa", "ds"];
    private static readonly string[] DistrictPrefixes = ["kec", "kecamatan"];
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["pd"] = "pondok",
        ["kp"] = "kampung",
        ["tj"] = "tanjung",
        ["jl"] = string.Empty,
    };

    private readonly Dictionary<string, List<Village>> villagesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> keysByLength = [];
    private readonly Dictionary<string, HashSet<string>> districtCodesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> districtNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Village> villagesByCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Village, string District), VillageMatch> cache = new();

    /// <param name="villages">The villages to match against (government codes and names).</param>
    /// <param name="districts">Optional districts (codes and names), so that a district column can disambiguate.</param>
    public VillageMatcher(IEnumerable<(string Code, string Name)> villages, IEnumerable<(string Code, string Name)>? districts = null)
    {
        ArgumentNullException.ThrowIfNull(villages);
        foreach (var (code, name) in villages)
        {
            var key = Key(name, VillagePrefixes);
            if (key.Length == 0 || villagesByCode.ContainsKey(code))
                continue;
            var dot = code.LastIndexOf('.');
            var village = new Village(code, name, dot > 0 ? code[..dot] : string.Empty);
            villagesByCode.Add(code, village);
            if (!villagesByKey.TryGetValue(key, out var list))
            {
                villagesByKey.Add(key, list = []);
                if (!keysByLength.TryGetValue(key.Length, out var keys))
                    keysByLength.Add(key.Length, keys = []);
                keys.Add(key);
            }
            list.Add(village);
        }
        foreach (var (code, name) in districts ?? [])
        {
            var key = Key(name, DistrictPrefixes);
            if (key.Length == 0)
                continue;
            if (!districtCodesByKey.TryGetValue(key, out var codes))
                districtCodesByKey.Add(key, codes = new HashSet<string>(StringComparer.Ordinal));
            codes.Add(code);
            districtNames.TryAdd(code, name);
        }
    }

    /// <summary>Matches a village name, using the district name (if given and known) to choose between namesakes.</summary>
    public VillageMatch Match(string? village, string? district)
    {
        if (string.IsNullOrWhiteSpace(village))
            return new VillageMatch(null, ImportErrors.VillageRequired, []);
        var cacheKey = (village, district ?? string.Empty);
        if (cache.TryGetValue(cacheKey, out var cached))
            return cached;
        var result = Resolve(village, district);
        if (cache.Count < CacheLimit)
            cache.TryAdd(cacheKey, result);
        return result;
    }

    /// <summary>"Curug (Cimanggis)" for a candidate code, for messages; the code itself when unknown.</summary>
    public string Describe(string code)
    {
        if (!villagesByCode.TryGetValue(code, out var village))
            return code;
        return districtNames.TryGetValue(village.DistrictCode, out var districtName) ? $"{village.Name} ({districtName})" : village.Name;
    }

    /// <summary>The comparison key: see the class summary.</summary>
    internal static string Key(string? name, IReadOnlyCollection<string> prefixes)
    {
        if (string.IsNullOrWhiteSpace(name))
            return string.Empty;
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        var start = 0;
        while (start < words.Count - 1 && prefixes.Contains(words[start]))
            start++;
        var key = new StringBuilder();
        foreach (var w in words.Skip(start))
            key.Append(Abbreviations.TryGetValue(w, out var expanded) ? expanded : w);
        return key.ToString();
    }

    private VillageMatch Resolve(string village, string? district)
    {
        var key = Key(village, VillagePrefixes);
        var districtCodes = string.IsNullOrWhiteSpace(district) ? null : districtCodesByKey.GetValueOrDefault(Key(district, DistrictPrefixes));
        if (villagesByKey.TryGetValue(key, out var exact))
        {
            if (exact.Count == 1)
            {
                var only = exact[0];
                return districtCodes is null || districtCodes.Contains(only.DistrictCode)
                    ? Found(only)
                    : new VillageMatch(null, ImportErrors.VillageDistrictMismatch, [only.Code]);
            }
            var inDistrict = districtCodes is null ? [] : exact.Where(v => districtCodes.Contains(v.DistrictCode)).ToList();
            return inDistrict.Count == 1 ? Found(inDistrict[0]) : new VillageMatch(null, ImportErrors.VillageAmbiguous, Codes(exact));
        }

        if (key.Length < TypoMinimumLength)
            return new VillageMatch(null, ImportErrors.VillageUnknown, []);
        var near = new List<Village>();
        for (var length = key.Length - 1; length <= key.Length + 1; length++)
        {
            if (length < TypoMinimumLength || !keysByLength.TryGetValue(length, out var keys))
                continue;
            foreach (var candidate in keys)
            {
                if (WithinOneEdit(key, candidate))
                    near.AddRange(villagesByKey[candidate]);
            }
        }
        var nearInDistrict = districtCodes is null ? near : near.Where(v => districtCodes.Contains(v.DistrictCode)).ToList();
        return nearInDistrict.Count == 1 ? Found(nearInDistrict[0]) : new VillageMatch(null, ImportErrors.VillageUnknown, Codes(near));
    }

    private static VillageMatch Found(Village village) => new(village.Code, null, []);

    private static List<string> Codes(IEnumerable<Village> villages) => villages.Select(v => v.Code).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by at most one insertion, deletion, substitution or swap of neighbours.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length)
            (a, b) = (b, a);
        if (b.Length - a.Length > 1)
            return false;
        var i = 0;
        while (i < a.Length && a[i] == b[i])
            i++;
        if (i == a.Length)
            return true;
        if (a.Length < b.Length)
            return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
        if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
            return true;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }

    private sealed record Village(string Code, string Name, string DistrictCode);
}
