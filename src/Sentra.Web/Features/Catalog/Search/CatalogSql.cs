using System.Data.Common;
using System.Globalization;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

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

/// <summary>
/// The catalog's two questions to the database, in each one's own full-text syntax: which entries hold
/// a word (SQLite FTS5 <c>MATCH</c> over <c>catalog_fts</c>, rowid = product id; PostgreSQL <c>@@</c>
/// over the GIN-indexed vectors in <c>CatalogVectors</c>), and the rows of one page. Words reach the
/// database only as parameters or as quoted terms of letters and digits (<see cref="QueryWords"/>), so
/// nothing typed is query syntax.
/// </summary>
public abstract class CatalogSql(CatalogSession session)
{
    private const string Columns = """
        e."ProductId", e."Name", e."NameEn", e."PriceRp", e."HalalStatus", e."Availability", e."PhotoId", e."BusinessId",
        e."BusinessName", e."Hours", e."TimeZone"
        """;

    public static CatalogSql For(CatalogSession session) => session.IsPostgres ? new Postgres(session) : new Sqlite(session);

    /// <summary>
    /// The products whose entry holds the word — whole (as the index stems it) or, with
    /// <paramref name="prefix"/>, as the start of a word — in any of its texts or only in its names.
    /// </summary>
    public async Task<IReadOnlyCollection<int>> WordAsync(string word, bool prefix, bool namesOnly, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await ReadAsync(WordSql(prefix, namesOnly), [WordArgument(word, prefix, namesOnly)], reader => ids.Add(reader.GetInt32(0)), cancellationToken);
        return ids;
    }

    /// <summary>The entries of these products, in this order (a product whose entry is gone is left out).</summary>
    public async Task<List<CatalogRow>> RowsAsync(IReadOnlyList<int> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count == 0) return [];
        var rows = new Dictionary<int, CatalogRow>(productIds.Count);
        var (sql, args) = RowsSql(productIds);
        await ReadAsync($"SELECT {Columns} FROM {sql}", args, reader => rows[reader.GetInt32(0)] = Row(reader), cancellationToken);
        return [.. productIds.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>A query whose one column is the product ids holding the word of parameter <c>{0}</c>.</summary>
    protected abstract string WordSql(bool prefix, bool namesOnly);
    protected abstract object WordArgument(string word, bool prefix, bool namesOnly);
    /// <summary>What follows <c>SELECT columns FROM</c> to read the entries <c>e</c> of these products.</summary>
    protected abstract (string Sql, List<object> Args) RowsSql(IReadOnlyList<int> productIds);

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

    private sealed class Sqlite(CatalogSession session) : CatalogSql(session)
    {
        protected override string WordSql(bool prefix, bool namesOnly) => "SELECT rowid FROM catalog_fts WHERE catalog_fts MATCH {0}";

        /// <summary>An FTS5 query: the word as a quoted term, in the text columns (never the facet tokens).</summary>
        protected override object WordArgument(string word, bool prefix, bool namesOnly) =>
            (namesOnly ? "{Name NameEn}" : "{Name NameEn BusinessName SearchText}") + $" : \"{word}\"" + (prefix ? "*" : "");

        protected override (string Sql, List<object> Args) RowsSql(IReadOnlyList<int> productIds)
        {
            var args = productIds.Cast<object>().ToList();
            var list = string.Join(", ", Enumerable.Range(0, args.Count).Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
            return ($"\"CatalogEntries\" e WHERE e.\"ProductId\" IN ({list})", args);
        }
    }

    private sealed class Postgres(CatalogSession session) : CatalogSql(session)
    {
        /// <summary>The word unchanged (or as a prefix), or its Indonesian or English stem.</summary>
        protected override string WordSql(bool prefix, bool namesOnly) =>
            $"""SELECT v."ProductId" FROM "CatalogVectors" v WHERE v."{(namesOnly ? "NameVector" : "SearchVector")}" @@ """
            + $"(to_tsquery('simple', {{0}}{(prefix ? " || ':*'" : "")}) || plainto_tsquery('indonesian', {{0}}) || plainto_tsquery('english', {{0}}))";

        protected override object WordArgument(string word, bool prefix, bool namesOnly) => word;

        protected override (string Sql, List<object> Args) RowsSql(IReadOnlyList<int> productIds) =>
            ("\"CatalogEntries\" e WHERE e.\"ProductId\" = ANY({0})", [productIds.ToArray()]);
    }
}
