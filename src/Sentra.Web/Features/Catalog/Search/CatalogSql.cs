using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// What an entry must match in the full-text index: every word (whole, or as a prefix) in any text or
/// only in the names, every filter token, at least one of <see cref="AnyOf"/> (a group of sort
/// buckets; a token ending in <c>*</c> stands for every token it begins), and — with <see cref="ExceptNames"/> — not every word in the names.
/// </summary>
public sealed record TextMatch(IReadOnlyList<string> Words, bool Prefix, IReadOnlyList<string> Tokens)
{
    public bool NamesOnly { get; init; }
    public bool ExceptNames { get; init; }
    public IReadOnlyList<string>? AnyOf { get; init; }
    /// <summary>The price range as bucket terms (<see cref="CatalogFacets.PriceRangeTerms"/>): at least one must match.</summary>
    public IReadOnlyList<string>? PriceTerms { get; init; }
}

/// <summary>One result row as the catalog page shows it.</summary>
public sealed class CatalogRow
{
    public int ProductId { get; init; }
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public long PriceRp { get; init; }
    public HalalStatus HalalStatus { get; init; }
    public Availability Availability { get; init; }
    public int? PhotoId { get; init; }
    public int BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public string? Hours { get; init; }
    public required string TimeZone { get; init; }
}

/// <summary>A match with what orders it: its price, its name key, and whether its names hold every word.</summary>
public readonly record struct MatchKey(int ProductId, long PriceRp, string? NameKey, bool Named);

/// <summary>
/// The catalog's queries in each database's own full-text syntax: SQLite FTS5 <c>MATCH</c> over
/// <c>catalog_fts</c> (rowid = product id), PostgreSQL <c>@@</c> over the GIN-indexed vectors in
/// <c>CatalogVectors</c>. Words reach the database only as parameters or as quoted terms of letters
/// and digits (<see cref="QueryWords"/>), tokens are built here, so nothing typed is query syntax.
/// </summary>
public abstract class CatalogSql(CatalogSession session, long? minPrice, long? maxPrice)
{
    private const string Columns = """
        e."ProductId", e."Name", e."NameEn", e."PriceRp", e."HalalStatus", e."Availability", e."PhotoId", e."BusinessId",
        e."BusinessName", e."Hours", e."TimeZone"
        """;

    public static CatalogSql For(CatalogSession session, long? minPrice, long? maxPrice, int newestWindow) =>
        session.IsPostgres ? new Postgres(session, minPrice, maxPrice, newestWindow) : new Sqlite(session, minPrice, maxPrice);

    private bool PriceFiltered => minPrice is not null || maxPrice is not null;

    /// <summary>Matches, counted up to <paramref name="cap"/>.</summary>
    public async Task<int> CountAsync(TextMatch match, int cap, CancellationToken cancellationToken)
    {
        var args = new List<object>();
        var where = Where(match, args);
        return await CountAsync(CountFrom(match, PriceFiltered), where + Price(args), args, cap, cancellationToken);
    }

    /// <summary>The rows of <paramref name="from"/> that meet <paramref name="conditions"/>, counted up to <paramref name="cap"/>.</summary>
    private async Task<int> CountAsync(string from, string conditions, List<object> args, int cap, CancellationToken cancellationToken)
    {
        args.Add(cap);
        var sql = $"SELECT count(*) FROM (SELECT 1 AS x FROM {from} WHERE {conditions} LIMIT {{{args.Count - 1}}}) AS m";
        var count = 0L;
        await ReadAsync(sql, args, reader => count = reader.GetInt64(0), cancellationToken);
        return (int)count;
    }

    /// <summary>
    /// A page of matches in this order, read together with their entries. <paramref name="few"/> says
    /// the matches were all counted (at most <see cref="CatalogQuery.MaxCount"/>).
    /// </summary>
    public async Task<List<CatalogRow>> PageAsync(TextMatch match, CatalogSort order, int skip, int take, CancellationToken cancellationToken,
        bool few = false)
    {
        if (order is not (CatalogSort.PriceLow or CatalogSort.PriceHigh or CatalogSort.Name) && NewestWindow(match, few) is { } window)
        {
            // The newest entries first: if they hold the whole page, it is the page.
            var rows = await PageAsync(match, order, skip, take, few, window, cancellationToken);
            if (rows.Count == take) return rows;
            few = true; // the matches lie further back: read them through the index
        }
        return await PageAsync(match, order, skip, take, few, from: null, cancellationToken);
    }

    private async Task<List<CatalogRow>> PageAsync(TextMatch match, CatalogSort order, int skip, int take, bool few, string? from,
        CancellationToken cancellationToken)
    {
        var args = new List<object>();
        var where = Where(match, args);
        var orderBy = order switch
        {
            CatalogSort.PriceLow => $"""{SortKey("PriceRp")}, {SortColumn("ProductId")}""",
            CatalogSort.PriceHigh => $"""{SortKey("PriceRp")} DESC, {SortColumn("ProductId")} DESC""",
            CatalogSort.Name => $"""{SortKey("NameKey")}, {SortColumn("ProductId")}""",
            _ => Newest(match, few),
        };
        var price = Price(args);
        args.Add(take);
        args.Add(skip);
        var sql = PageSql(from, match, $"WHERE {where}{price} ORDER BY {orderBy} LIMIT {{{args.Count - 2}}} OFFSET {{{args.Count - 1}}}");
        var rows = new List<CatalogRow>(take);
        await ReadAsync(sql, args, reader => rows.Add(Row(reader)), cancellationToken);
        return rows;
    }

    /// <summary>
    /// The matches, up to <paramref name="cap"/>, each with the key <paramref name="order"/> sorts by
    /// (only with <see cref="KeysInIndex"/>): one read of the index that both counts a search and,
    /// when it has few matches, lets any page of it be cut without reading the index again.
    /// </summary>
    public async Task<List<MatchKey>> MatchesAsync(TextMatch match, CatalogSort order, int cap, CancellationToken cancellationToken)
    {
        if (!KeysInIndex) throw new NotSupportedException("The index does not carry the sort keys.");
        var args = new List<object>();
        var where = Where(match, args);
        var named = order == CatalogSort.Relevance && match.Words.Count > 0 ? Named(match, args) : "false";
        var price = Price(args);
        args.Add(cap);
        var keys = order switch
        {
            CatalogSort.PriceLow or CatalogSort.PriceHigh => $"""{SortColumn("PriceRp")}, NULL""",
            CatalogSort.Name => $"""0::bigint, {SortColumn("NameKey")}""",
            _ => "0::bigint, NULL",
        };
        var sql = $"SELECT {SortColumn("ProductId")}, {keys}, {named} FROM {IndexOnly(match)} WHERE {where}{price} LIMIT {{{args.Count - 1}}}";
        var matches = new List<MatchKey>();
        await ReadAsync(sql, args, reader => matches.Add(new MatchKey(reader.GetInt32(0), reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3))), cancellationToken);
        return matches;
    }

    /// <summary>
    /// No words and no filters but the price: the entries themselves (through the price index or the
    /// primary key), counted up to <paramref name="cap"/>.
    /// </summary>
    public Task<int> CountEntriesAsync(int cap, CancellationToken cancellationToken)
    {
        var args = new List<object>();
        return CountAsync(Entries, "1 = 1" + Price(args, EntryColumn("PriceRp")), args, cap, cancellationToken);
    }

    /// <summary>A page of the entries themselves (<see cref="CountEntriesAsync"/>), read in the order of an index.</summary>
    public async Task<List<CatalogRow>> EntriesPageAsync(CatalogSort order, int skip, int take, CancellationToken cancellationToken)
    {
        var args = new List<object>();
        var price = Price(args, EntryColumn("PriceRp"));
        var orderBy = order switch
        {
            CatalogSort.PriceLow => $"{EntryColumn("PriceRp")}, {EntryColumn("ProductId")}",
            CatalogSort.PriceHigh => $"{EntryColumn("PriceRp")} DESC, {EntryColumn("ProductId")} DESC",
            CatalogSort.Name => $"{EntryColumn("NameKey")}, {EntryColumn("ProductId")}",
            _ => $"{EntryColumn("ProductId")} DESC",
        };
        args.Add(take);
        args.Add(skip);
        var sql = $"SELECT {Columns} FROM {Entries} WHERE 1 = 1{price} ORDER BY {orderBy} LIMIT {{{args.Count - 2}}} OFFSET {{{args.Count - 1}}}";
        var rows = new List<CatalogRow>(take);
        await ReadAsync(sql, args, reader => rows.Add(Row(reader)), cancellationToken);
        return rows;
    }

    private const string Entries = "\"CatalogEntries\" e";
    private static string EntryColumn(string column) => $"e.\"{column}\"";

    /// <summary>The entries of these products, in this order.</summary>
    public async Task<List<CatalogRow>> RowsAsync(IReadOnlyList<int> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count == 0) return [];
        var args = new List<object> { productIds.ToArray() };
        var rows = new List<CatalogRow>(productIds.Count);
        await ReadAsync(RowsSql, args, reader => rows.Add(Row(reader)), cancellationToken);
        return rows;
    }

    /// <summary>The entries of the products in the array parameter <c>{0}</c>, in its order.</summary>
    protected virtual string RowsSql => throw new NotSupportedException();

    /// <summary>A condition true when the entry's names hold every word.</summary>
    protected virtual string Named(TextMatch match, List<object> args) => throw new NotSupportedException();

    private static CatalogRow Row(DbDataReader reader) => new()
    {
        ProductId = reader.GetInt32(0), Name = reader.GetString(1), NameEn = reader.IsDBNull(2) ? null : reader.GetString(2),
        PriceRp = reader.GetInt64(3), HalalStatus = (HalalStatus)reader.GetInt32(4), Availability = (Availability)reader.GetInt32(5),
        PhotoId = reader.IsDBNull(6) ? null : reader.GetInt32(6), BusinessId = reader.GetInt32(7), BusinessName = reader.GetString(8),
        Hours = reader.IsDBNull(9) ? null : reader.GetString(9), TimeZone = reader.GetString(10),
    };

    /// <summary>
    /// Runs one query on the search's open connection and hands each row to <paramref name="read"/>.
    /// Plain ADO.NET: the SQL differs from search to search, and EF would compile a new reader for each.
    /// </summary>
    private async Task ReadAsync(string sql, List<object> args, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = session.Connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, args.Select((_, i) => (object)("@p" + i)).ToArray());
        for (var i = 0; i < args.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = args[i];
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) read(reader);
    }

    /// <summary>The cheapest and dearest price of any entry (two index look-ups in one query).</summary>
    public async Task<(long Cheapest, long Dearest)> PriceRangeAsync(CancellationToken cancellationToken)
    {
        (long, long) range = default;
        await ReadAsync("""SELECT (SELECT min("PriceRp") FROM "CatalogEntries"), (SELECT max("PriceRp") FROM "CatalogEntries")""", [],
            reader => range = (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1)), cancellationToken);
        return range;
    }

    /// <summary>What a count of these matches reads: the index, and (with a price range, where the index lacks prices) the entries' prices, as <c>e</c>.</summary>
    protected abstract string CountFrom(TextMatch match, bool priceFiltered);

    /// <summary>The page's rows given the rest of the query (<c>WHERE … ORDER BY … LIMIT … OFFSET …</c>), from <paramref name="from"/> or the index.</summary>
    protected abstract string PageSql(string? from, TextMatch match, string rest);

    /// <summary>
    /// For a newest-first page of a broad search: the index rows of the newest entries only (as <c>v</c>),
    /// where the page is looked for first; null to read through the index at once.
    /// </summary>
    protected virtual string? NewestWindow(TextMatch match, bool few) => null;
    /// <summary>The index alone, as <c>f</c> (SQLite) or <c>v</c> (PostgreSQL).</summary>
    protected abstract string IndexOnly(TextMatch match);
    /// <summary>An entry column to sort a bounded set of matches by (all of a few, or one group of sort buckets).</summary>
    protected virtual string SortKey(string column) => SortColumn(column);

    /// <summary>Where the price and name key are read: the entries, or (PostgreSQL) the index table itself.</summary>
    protected virtual string SortColumn(string column) => EntryColumn(column);

    /// <summary>
    /// Whether the index table carries every sort key (price, name key), so a price range needs no join
    /// and <see cref="MatchesAsync"/> can order matches without reading their entries.
    /// </summary>
    public virtual bool KeysInIndex => false;

    /// <summary>
    /// A price range holding at most this share of the entries is also matched as bucket terms in the
    /// index; a wider one only as bounds on the prices of the matches: an index OR over a large part of
    /// the catalog costs more than the matches it rules out. Where that turns differs: on SQLite (100,000
    /// products, a broad word, counting to 1,001) terms win up to about a third of the entries (≤ 15,000
    /// Rp, 11%: 2.5 → 0.8 ms; 5,000–20,000 Rp, 16%: 1.8 → 1.0 ms; 20,000–50,000 Rp, 32%: 1.0 → 0.8–1.2 ms;
    /// half or more: slower); on PostgreSQL, where every term's postings go into the bitmap, only for
    /// narrow ranges (16%: 10 → 12 ms; 32%: 10 → 18 ms).
    /// </summary>
    public abstract double NarrowPriceShare { get; }

    /// <summary>Newest first: the order the index (or primary key) can deliver.</summary>
    protected abstract string Newest(TextMatch match, bool few);
    protected abstract string Where(TextMatch match, List<object> args);

    /// <summary>The price bounds as conditions on <paramref name="column"/> (by default the price the search sorts by).</summary>
    private string Price(List<object> args, string? column = null)
    {
        column ??= SortColumn("PriceRp");
        var sql = new StringBuilder();
        if (minPrice is { } min) { sql.Append(CultureInfo.InvariantCulture, $" AND {column} >= {{{args.Count}}}"); args.Add(min); }
        if (maxPrice is { } max) { sql.Append(CultureInfo.InvariantCulture, $" AND {column} <= {{{args.Count}}}"); args.Add(max); }
        return sql.ToString();
    }


    private sealed class Sqlite(CatalogSession session, long? minPrice, long? maxPrice) : CatalogSql(session, minPrice, maxPrice)
    {
        /// <summary>
        /// The index a search reads: <c>catalog_fts_halal</c> holds only the halal-certified entries, so a
        /// halal search walks posting lists half as long and skips the longest list of all, the halal
        /// token's (measured on 100,000 products: a quarter less SQL time over the benchmark's searches).
        /// </summary>
        private static string Table(TextMatch match) => HalalIndex(match) ? "catalog_fts_halal" : "catalog_fts";

        private static bool HalalIndex(TextMatch match) => match.Tokens.Contains(CatalogFacets.Halal);

        private static string From(TextMatch match) => $"""{Table(match)} f CROSS JOIN "CatalogEntries" e ON e."ProductId" = f.rowid""";

        /// <summary>
        /// A price-filtered count reads prices from the narrow index <c>IX_CatalogEntries_SortKeys</c>
        /// (product id, price) instead of the wide entry rows: it looks up every match it counts
        /// (measured: a fifth less time for such counts on 100,000 products).
        /// </summary>
        protected override string CountFrom(TextMatch match, bool priceFiltered) => priceFiltered
            ? $"""{Table(match)} f CROSS JOIN "CatalogEntries" e INDEXED BY "IX_CatalogEntries_SortKeys" ON e."ProductId" = f.rowid"""
            : IndexOnly(match);

        protected override string PageSql(string? from, TextMatch match, string rest) => $"SELECT {Columns} FROM {from ?? From(match)} {rest}";
        protected override string IndexOnly(TextMatch match) => $"{Table(match)} f";
        public override double NarrowPriceShare => 0.3;
        protected override string Newest(TextMatch match, bool few) => "f.rowid DESC";

        protected override string Where(TextMatch match, List<object> args)
        {
            args.Add(Expression(match));
            return $"{Table(match)} MATCH {{{args.Count - 1}}}";
        }

        /// <summary>
        /// An FTS5 query: words as quoted terms in the text columns, tokens in the facet column. The halal
        /// index needs no halal token, unless it is all there is to match.
        /// </summary>
        private static string Expression(TextMatch match)
        {
            string Words(string columns) => string.Join(" AND ", match.Words.Select(w => $"{columns} : \"{w}\"" + (match.Prefix ? "*" : "")));
            var tokens = match.Tokens;
            if (HalalIndex(match) && (match.Words.Count > 0 || tokens.Count > 1 || match.AnyOf is { Count: > 0 } || match.PriceTerms is { Count: > 0 }))
                tokens = [.. tokens.Where(t => t != CatalogFacets.Halal)];
            var parts = new List<string>();
            if (match.Words.Count > 0) parts.Add(Words(match.NamesOnly ? "{Name NameEn}" : "{Name NameEn BusinessName SearchText}"));
            if (tokens.Count > 0) parts.Add("{Facets} : (" + string.Join(" AND ", tokens) + ")");
            if (match.AnyOf is { Count: > 0 } any) parts.Add("{Facets} : (" + string.Join(" OR ", any) + ")");
            if (match.PriceTerms is { Count: > 0 } prices) parts.Add("{Facets} : (" + string.Join(" OR ", prices) + ")");
            var expression = string.Join(" AND ", parts.Select(p => "(" + p + ")"));
            return match.ExceptNames && match.Words.Count > 0 ? $"({expression}) NOT ({Words("{Name NameEn}")})" : expression;
        }
    }

    private sealed class Postgres(CatalogSession session, long? minPrice, long? maxPrice, int newestWindow) : CatalogSql(session, minPrice, maxPrice)
    {
        protected override string IndexOnly(TextMatch match) => "\"CatalogVectors\" v";
        protected override string CountFrom(TextMatch match, bool priceFiltered) => IndexOnly(match);
        public override double NarrowPriceShare => 0.1;

        /// <summary>
        /// The page is chosen in the index table alone (it holds every sort key) and only its rows are
        /// joined to the entries, in the chosen order: a planner that joins first may read every entry.
        /// </summary>
        protected override string PageSql(string? from, TextMatch match, string rest) =>
            $"""SELECT {Columns} FROM unnest(ARRAY(SELECT v."ProductId" FROM {from ?? IndexOnly(match)} {rest})) WITH ORDINALITY AS p(id, n) JOIN "CatalogEntries" e ON e."ProductId" = p.id ORDER BY p.n""";

        /// <summary>
        /// Walking the primary key backwards stops as soon as the page is full — unless the matches lie
        /// far back (words whose names are rare, names of one kind with a category of another), when it
        /// reads the whole table (0.1 s on 100,000): the planner takes words and filters as independent.
        /// So a broad search walks the newest rows only (<see cref="CatalogSearchOptions.NewestWindow"/>,
        /// 2,000); when they do not fill the page, the matches are sparse and the index finds them cheaply.
        /// </summary>
        protected override string? NewestWindow(TextMatch match, bool few) =>
            few ? null : $"""(SELECT * FROM "CatalogVectors" ORDER BY "ProductId" DESC LIMIT {newestWindow.ToString(CultureInfo.InvariantCulture)}) v""";

        private const string WalkOrder = """v."ProductId" DESC""";
        /// <summary>
        /// A broad search walks the primary key backwards (within <see cref="NewestWindow"/>); a few
        /// matches, or those the walk did not find, are read through the GIN index and sorted
        /// (<c>+ 0</c> hides the key's order from the planner, which would otherwise walk anyway).
        /// </summary>
        protected override string Newest(TextMatch match, bool few) => few ? """v."ProductId" + 0 DESC""" : WalkOrder;

        /// <summary>
        /// Price and name pages sort a bounded set (all of a few matches, or one group of buckets, which
        /// follow the sort order exactly): read through GIN and sorted. Walking the price or name index
        /// instead looks cheap to a planner that takes buckets and order to be independent, and is not.
        /// </summary>
        protected override string SortKey(string column) => column == "NameKey" ? """(v."NameKey" || '')""" : $"""(v."{column}" + 0)""";

        protected override string SortColumn(string column) => $"v.\"{column}\"";

        public override bool KeysInIndex => true;

        protected override string RowsSql =>
            $$"""SELECT {{Columns}} FROM unnest({0}) WITH ORDINALITY AS p(id, n) JOIN "CatalogEntries" e ON e."ProductId" = p.id ORDER BY p.n""";

        protected override string Named(TextMatch match, List<object> args) => $"""v."NameVector" @@ {WordQuery(match, args)}""";

        /// <summary>Every word: itself (or as a prefix) unchanged, or its Indonesian or English stem; null without words.</summary>
        private static string? WordQuery(TextMatch match, List<object> args)
        {
            var words = match.Words.Select(w =>
            {
                args.Add(w);
                var i = args.Count - 1;
                var simple = match.Prefix ? $"to_tsquery('simple', {{{i}}} || ':*')" : $"to_tsquery('simple', {{{i}}})";
                return $"({simple} || plainto_tsquery('indonesian', {{{i}}}) || plainto_tsquery('english', {{{i}}}))";
            }).ToList();
            return words.Count > 0 ? "(" + string.Join(" && ", words) + ")" : null;
        }

        protected override string Where(TextMatch match, List<object> args)
        {
            var wordQuery = WordQuery(match, args);
            var tokens = new List<string>(match.Tokens);
            // Halal entries have a GIN index of their own (IX_CatalogVectors_SearchVector_Halal, "Halal" true),
            // which needs no halal token unless it is all there is to match.
            var halal = tokens.Remove(CatalogFacets.Halal);
            if (halal && wordQuery is null && tokens.Count == 0 && match.AnyOf is not { Count: > 0 } && match.PriceTerms is not { Count: > 0 })
                tokens.Add(CatalogFacets.Halal);
            static string Term(string t) => t.EndsWith('*') ? t[..^1] + ":*" : t;
            if (match.AnyOf is { Count: > 0 } any) tokens.Add("(" + string.Join(" | ", any.Select(Term)) + ")");
            if (match.PriceTerms is { Count: > 0 } prices) tokens.Add("(" + string.Join(" | ", prices.Select(Term)) + ")");
            string? tokenQuery = null;
            if (tokens.Count > 0)
            {
                args.Add(string.Join(" & ", tokens));
                tokenQuery = $"to_tsquery('simple', {{{args.Count - 1}}})";
            }
            var conditions = new List<string>();
            if (halal) conditions.Add("v.\"Halal\"");
            if (match.NamesOnly)
            {
                if (wordQuery is not null) conditions.Add($"""v."NameVector" @@ {wordQuery}""");
                if (tokenQuery is not null) conditions.Add($"""v."SearchVector" @@ {tokenQuery}""");
            }
            else
            {
                var all = string.Join(" && ", new[] { wordQuery, tokenQuery }.Where(q => q is not null));
                conditions.Add($"""v."SearchVector" @@ ({all})""");
                if (match.ExceptNames && wordQuery is not null) conditions.Add($"""NOT (v."NameVector" @@ {wordQuery})""");
            }
            return string.Join(" AND ", conditions);
        }
    }
}
