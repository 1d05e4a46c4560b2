using System.Collections.Concurrent;
using System.Numerics;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// Catalog entries as positions in a <see cref="CatalogTable"/>, ascending (so in product order); with
/// a bitmap as well when they are many, so that "is this entry in the set" costs one look-up.
/// </summary>
public sealed class EntrySet
{
    public static readonly EntrySet Empty = new([], 0);

    private readonly ulong[]? _bits;

    /// <param name="positions">Ascending, without repeats.</param>
    /// <param name="tableSize">The number of entries in the table the positions point into.</param>
    public EntrySet(int[] positions, int tableSize)
    {
        Positions = positions;
        // A bitmap costs tableSize / 8 bytes: at most twice the positions' own four bytes each.
        if (positions.Length == 0 || positions.Length < tableSize / 64) return;
        _bits = new ulong[(tableSize + 63) / 64];
        foreach (var p in positions) _bits[p >> 6] |= 1UL << (p & 63);
    }

    public int[] Positions { get; }
    /// <summary>The positions as a bitmap over the table (one bit per entry); null for a small set.</summary>
    public ulong[]? Bits => _bits;
    public int Count => Positions.Length;
    /// <summary>Memory held, for the word cache's budget.</summary>
    public long Bytes => Positions.Length * 4L + (_bits?.Length ?? 0) * 8L + 48;

    public bool Contains(int position) =>
        _bits is { } bits ? (bits[position >> 6] & (1UL << (position & 63))) != 0 : Array.BinarySearch(Positions, position) >= 0;
}

/// <summary>One public entry as the table is built from it.</summary>
public readonly record struct TableEntry(int ProductId, long PriceRp, string NameKey, string Facets);

/// <summary>
/// The public catalog entries in memory, as much of them as filtering, counting and ordering a search
/// needs: product ids (newest = highest), prices, the price and name orders, and for every filter token
/// (<see cref="CatalogFacets"/>: category, halal, district, sentra, availability) the entries that carry
/// it. Which entries hold a word is the database's full-text index's answer (<see cref="WordAsync"/>),
/// kept here per word until the table is replaced. A search intersects those sets, counts the result and
/// cuts its page in the catalog's order; only the page's rows are then read from the database.
/// Immutable but for the word cache; replaced as a whole when the entries change (<see cref="CatalogTables"/>).
/// </summary>
public sealed class CatalogTable
{
    /// <summary>Filter tokens the table keeps (sort-bucket tokens in the facet column are left out).</summary>
    private static readonly string[] FilterPrefixes = ["zc", "zh", "zd", "zs", "za"];

    private readonly int[] _ids;
    private readonly long[] _prices;
    private readonly int[] _byPrice;
    private readonly int[] _byName;
    private readonly int[] _priceRank;
    private readonly int[] _nameRank;
    private readonly Dictionary<string, EntrySet> _tokens;
    private readonly ConcurrentDictionary<string, EntrySet> _words = new(StringComparer.Ordinal);
    private readonly long _wordBudget;
    private long _wordBytes;

    /// <param name="entries">Every public entry, in any order.</param>
    /// <param name="wordBudget">Bytes the word sets may hold; a set read beyond it is used once and not kept.</param>
    /// <param name="version">The entries' version it was read at (<see cref="CatalogState"/>).</param>
    public CatalogTable(IEnumerable<TableEntry> entries, long wordBudget, long version = 0)
    {
        Version = version;
        var rows = entries.OrderBy(e => e.ProductId).ToArray();
        _wordBudget = wordBudget;
        _ids = rows.Select(e => e.ProductId).ToArray();
        _prices = rows.Select(e => e.PriceRp).ToArray();
        var positions = Enumerable.Range(0, rows.Length).ToArray();
        // Ties by product id, as the database orders them.
        _byPrice = positions.OrderBy(p => _prices[p]).ThenBy(p => p).ToArray();
        _byName = positions.OrderBy(p => rows[p].NameKey, StringComparer.Ordinal).ThenBy(p => p).ToArray();
        _priceRank = Ranks(_byPrice);
        _nameRank = Ranks(_byName);
        var tokens = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < rows.Length; p++)
            foreach (var token in rows[p].Facets.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (FilterPrefixes.Any(f => token.StartsWith(f, StringComparison.Ordinal)))
                {
                    if (!tokens.TryGetValue(token, out var list)) tokens[token] = list = [];
                    if (list.Count == 0 || list[^1] != p) list.Add(p);
                }
        _tokens = tokens.ToDictionary(t => t.Key, t => new EntrySet([.. t.Value], rows.Length), StringComparer.Ordinal);
    }

    public int Count => _ids.Length;
    public long Version { get; }

    /// <summary>The entries carrying a filter token; none for a token no entry has.</summary>
    public EntrySet Token(string token) => _tokens.GetValueOrDefault(token) ?? EntrySet.Empty;

    /// <summary>The entries of these products (products without an entry are left out).</summary>
    public EntrySet Of(IEnumerable<int> productIds)
    {
        var positions = new List<int>();
        foreach (var id in productIds)
            if (Array.BinarySearch(_ids, id) is var p and >= 0) positions.Add(p);
        positions.Sort();
        return new EntrySet([.. positions.Distinct()], _ids.Length);
    }

    /// <summary>
    /// The entries holding a word (a key naming the word and how it is matched), from the cache or else
    /// from <paramref name="read"/> — the product ids the database's full-text index returns.
    /// </summary>
    public async ValueTask<EntrySet> WordAsync(string key, Func<Task<IReadOnlyCollection<int>>> read)
    {
        if (_words.TryGetValue(key, out var cached)) return cached;
        var set = Of(await read());
        if (Interlocked.Read(ref _wordBytes) + set.Bytes <= _wordBudget && _words.TryAdd(key, set)) Interlocked.Add(ref _wordBytes, set.Bytes);
        return set;
    }

    /// <summary>
    /// The entries in every set whose price lies within the bounds: the smallest set's entries looked up
    /// in the others, or — when every set has a bitmap — the bitmaps combined a word (64 entries) at a time.
    /// </summary>
    public TableMatches Match(IReadOnlyList<EntrySet> sets, long? minPrice, long? maxPrice)
    {
        var min = minPrice ?? long.MinValue;
        var max = maxPrice ?? long.MaxValue;
        if (sets.Count == 0)
        {
            // Every entry: the price order holds the ones in range as one stretch.
            var from = LowerBound(min);
            var to = max == long.MaxValue ? _byPrice.Length : LowerBound(max + 1);
            return new TableMatches(null, Math.Max(0, to - from), min, max, from, to);
        }
        var ordered = sets.OrderBy(s => s.Count).ToArray();
        var bits = new ulong[(_ids.Length + 63) / 64];
        var count = 0;
        if (ordered[0].Bits is { } first)
        {
            // Every set is at least as large as the first, so each has a bitmap too.
            Array.Copy(first, bits, bits.Length);
            for (var i = 1; i < ordered.Length; i++)
            {
                var other = ordered[i].Bits!;
                for (var w = 0; w < bits.Length; w++) bits[w] &= other[w];
            }
            var bounded = minPrice is not null || maxPrice is not null;
            for (var w = 0; w < bits.Length; w++)
            {
                if (bounded)
                    for (var word = bits[w]; word != 0; word &= word - 1)
                    {
                        var p = w * 64 + BitOperations.TrailingZeroCount(word);
                        if (_prices[p] < min || _prices[p] > max) bits[w] &= ~(1UL << (p & 63));
                    }
                count += BitOperations.PopCount(bits[w]);
            }
        }
        else
            foreach (var p in ordered[0].Positions)
            {
                if (_prices[p] < min || _prices[p] > max) continue;
                var all = true;
                for (var i = 1; i < ordered.Length && all; i++) all = ordered[i].Contains(p);
                if (!all) continue;
                bits[p >> 6] |= 1UL << (p & 63);
                count++;
            }
        return new TableMatches(bits, count, min, max, 0, 0);
    }

    /// <summary>
    /// The product ids of one page of the matches in the catalog's order: newest first (highest product id);
    /// best match the same, but entries in every one of <paramref name="named"/> (their names hold every
    /// word) first; price and name order with ties broken by product id, as the database orders them.
    /// </summary>
    public List<int> Page(TableMatches matches, CatalogSort sort, IReadOnlyList<EntrySet>? named, int skip, int take)
    {
        var page = new List<int>(take);
        switch (sort)
        {
            case CatalogSort.PriceLow or CatalogSort.PriceHigh or CatalogSort.Name:
                Ordered(matches, sort, skip, take, page);
                break;
            case CatalogSort.Relevance when named is { Count: > 0 }:
                var seen = 0;
                foreach (var first in new[] { true, false })
                    foreach (var p in Newest(matches))
                    {
                        if (page.Count == take) return page;
                        if (named.All(n => n.Contains(p)) != first) continue;
                        if (seen++ >= skip) page.Add(_ids[p]);
                    }
                break;
            default:
                foreach (var p in Newest(matches).Skip(skip).Take(take)) page.Add(_ids[p]);
                break;
        }
        return page;
    }

    private IEnumerable<int> Newest(TableMatches matches)
    {
        if (matches.Bits is { } bits)
        {
            for (var w = bits.Length - 1; w >= 0; w--)
                for (var word = bits[w]; word != 0;)
                {
                    var bit = 63 - BitOperations.LeadingZeroCount(word);
                    yield return w * 64 + bit;
                    word &= ~(1UL << bit);
                }
            yield break;
        }
        for (var p = _ids.Length - 1; p >= 0; p--)
            if (_prices[p] >= matches.MinPrice && _prices[p] <= matches.MaxPrice) yield return p;
    }

    private void Ordered(TableMatches matches, CatalogSort sort, int skip, int take, List<int> page)
    {
        var order = sort == CatalogSort.Name ? _byName : _byPrice;
        var descending = sort == CatalogSort.PriceHigh;
        if (matches.Bits is null && sort != CatalogSort.Name)
        {
            // Every entry in a price range: a stretch of the price order.
            for (var i = skip; i < take + skip && i < matches.Count; i++)
                page.Add(_ids[order[descending ? matches.To - 1 - i : matches.From + i]]);
            return;
        }
        var needed = skip + take;
        if (matches.Bits is { } bits && (long)matches.Count * matches.Count <= (long)needed * _ids.Length)
        {
            // Few matches: sort their ranks.
            var rank = sort == CatalogSort.Name ? _nameRank : _priceRank;
            var ranks = new int[matches.Count];
            var n = 0;
            for (var w = 0; w < bits.Length; w++)
                for (var word = bits[w]; word != 0; word &= word - 1) ranks[n++] = rank[w * 64 + BitOperations.TrailingZeroCount(word)];
            Array.Sort(ranks);
            for (var i = skip; i < needed && i < ranks.Length; i++) page.Add(_ids[order[descending ? ranks[ranks.Length - 1 - i] : ranks[i]]]);
            return;
        }
        // Many: walk the order and keep the matches until the page is full.
        var seen = 0;
        for (var i = 0; i < order.Length && page.Count < take; i++)
        {
            var p = order[descending ? order.Length - 1 - i : i];
            if (!matches.Contains(p, _prices[p])) continue;
            if (seen++ >= skip) page.Add(_ids[p]);
        }
    }

    /// <summary>The first position in the price order whose price is at least <paramref name="price"/>.</summary>
    private int LowerBound(long price)
    {
        int low = 0, high = _byPrice.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_prices[_byPrice[mid]] < price) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static int[] Ranks(int[] order)
    {
        var ranks = new int[order.Length];
        for (var i = 0; i < order.Length; i++) ranks[order[i]] = i;
        return ranks;
    }
}

/// <summary>
/// What <see cref="CatalogTable.Match"/> found: the matching positions as a bitmap over the table, or —
/// with no set to match — every entry whose price is within the bounds (<see cref="From"/> to
/// <see cref="To"/> in the price order).
/// </summary>
public sealed record TableMatches(ulong[]? Bits, int Count, long MinPrice, long MaxPrice, int From, int To)
{
    public bool Contains(int position, long price) =>
        Bits is { } bits ? (bits[position >> 6] & (1UL << (position & 63))) != 0 : price >= MinPrice && price <= MaxPrice;
}
