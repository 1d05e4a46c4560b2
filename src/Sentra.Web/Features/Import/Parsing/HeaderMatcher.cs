using System.Collections.Frozen;

namespace Sentra.Web.Features.Import.Parsing;

/// <summary>A header problem: <paramref name="Key"/> is a resource key, <paramref name="Argument"/> its {0}.</summary>
/// <param name="ColumnIndex">0-based column of the offending header, or null for a missing column.</param>
public sealed record HeaderIssue(string Key, string Argument, int? ColumnIndex = null);

/// <summary>The result of <see cref="HeaderMatcher.FindHeaderRow"/>.</summary>
/// <param name="RowIndex">0-based index (into the rows given) of the header row, or -1 when none was found.</param>
/// <param name="Columns">Where each recognised column is (0-based cell index).</param>
/// <param name="Errors">Fatal: <see cref="ImportErrors.HeaderNotFound"/> or <see cref="ImportErrors.MissingColumn"/>.</param>
/// <param name="Warnings">Not fatal: <see cref="ImportErrors.UnknownColumn"/> and <see cref="ImportErrors.DuplicateColumn"/>.</param>
public sealed record HeaderResult(
    int RowIndex,
    IReadOnlyDictionary<ImportColumn, int> Columns,
    IReadOnlyList<HeaderIssue> Errors,
    IReadOnlyList<HeaderIssue> Warnings)
{
    public bool Found => RowIndex >= 0;

    public bool IsValid => Found && Errors.Count == 0;
}

/// <summary>
/// Recognises the header row of an IKM spreadsheet. Headers are compared ignoring case, spacing and punctuation, after
/// dropping a trailing parenthesised or bracketed unit: "NAMA  USAHA", "nama_usaha", "Nama Usaha:", "No. HP",
/// "TK Laki Laki", "Omzet per Tahun (Rp)" and "Jenis Kelamin (L/P)" are all recognised.
/// </summary>
public static class HeaderMatcher
{
    /// <summary>How many rows from the top are searched for the header (title rows often come first).</summary>
    public const int SearchRows = 10;

    /// <summary>How many known headers a row needs to be taken as the header row.</summary>
    public const int MinimumMatches = 5;

    /// <summary>Columns without which a row cannot be imported.</summary>
    public static IReadOnlyList<ImportColumn> RequiredColumns { get; } = [ImportColumn.BusinessName, ImportColumn.OwnerName, ImportColumn.Village];

    private static readonly string[] Canonical =
    [
        "No", "Nama Usaha", "Nama Pemilik", "NIK", "Jenis Kelamin", "Alamat", "RT", "RW", "Kelurahan", "Kecamatan", "Kota",
        "No HP", "Email", "NIB", "KBLI", "Produk Utama", "TK Laki-laki", "TK Perempuan", "Nilai Investasi", "Omzet per Tahun",
        "Kapasitas Produksi", "No PIRT", "No Sertifikat Halal", "Tahun Berdiri", "Latitude", "Longitude",
    ];

    /// <summary>The canonical Indonesian headers in template order (the order of <see cref="ImportColumn"/>).</summary>
    public static IReadOnlyList<string> CanonicalHeaders { get; } = Array.AsReadOnly(Canonical);

    // Aliases besides the canonical names, written as they are compared (see Key): letters and digits, lower case.
    private static readonly (ImportColumn Column, string[] Aliases)[] AliasTable =
    [
        (ImportColumn.No, ["nourut", "nomorurut"]),
        (ImportColumn.BusinessName, ["namaperusahaan", "namaikm", "namaunitusaha", "usaha"]),
        (ImportColumn.OwnerName, ["namapemilikusaha", "pemilik", "pemilikusaha", "namapengusaha", "namapelakuusaha"]),
        (ImportColumn.Nik, ["noktp", "nomorktp", "niknomorktp", "nikpemilik", "nomorindukkependudukan"]),
        (ImportColumn.Sex, ["jk", "lp", "gender"]),
        (ImportColumn.Address, ["alamatusaha", "alamatlengkap", "alamatjalan"]),
        (ImportColumn.Village, ["desa", "kelurahandesa", "desakelurahan", "keldesa", "kel"]),
        (ImportColumn.District, ["kec"]),
        (ImportColumn.City, ["kabupatenkota", "kotakabupaten", "kabkota", "kabupaten"]),
        (ImportColumn.Phone, ["nomorhp", "notelp", "notelepon", "nomortelepon", "telepon", "telp", "hp", "nowa", "nomorwa", "nohpwa", "nohandphone"]),
        (ImportColumn.Email, ["alamatemail", "surel", "surat elektronik"]),
        (ImportColumn.Nib, ["nomorindukberusaha"]),
        (ImportColumn.Kbli, ["kodekbli"]),
        (ImportColumn.MainProduct, ["produk", "jenisproduk", "produkyangdihasilkan"]),
        (ImportColumn.WorkersMale, ["tkl", "tklk", "tenagakerjalakilaki", "tenagakerjal"]),
        (ImportColumn.WorkersFemale, ["tkp", "tkpr", "tenagakerjaperempuan", "tenagakerjap"]),
        (ImportColumn.Investment, ["investasi"]),
        (ImportColumn.AnnualSales, ["omzet", "omset", "omsetpertahun", "omzettahunan", "omsettahunan"]),
        (ImportColumn.Capacity, ["kapasitas"]),
        (ImportColumn.PirtNumber, ["nomorpirt", "pirt", "nosppirt", "sppirt"]),
        (ImportColumn.HalalCertificateNumber, ["nomorsertifikathalal", "sertifikathalal", "halal", "nosertifikasihalal"]),
        (ImportColumn.YearStarted, ["tahunmulai", "tahunmulaiusaha", "tahunberdiriusaha"]),
        (ImportColumn.Latitude, ["lintang", "lat"]),
        (ImportColumn.Longitude, ["bujur", "long", "lng", "lon"]),
    ];

    private static readonly FrozenDictionary<string, ImportColumn> ByKey = BuildKeys();

    /// <summary>The canonical Indonesian header of a column, e.g. "Nama Usaha" (used as {0} of MissingColumn).</summary>
    public static string CanonicalName(ImportColumn column) => Canonical[(int)column];

    /// <summary>The column a header names, or null when it is not recognised (or blank).</summary>
    public static ImportColumn? Match(string? header)
    {
        var key = Key(header);
        return key.Length > 0 && ByKey.TryGetValue(key, out var column) ? column : null;
    }

    /// <summary>
    /// Finds the header row among the first <see cref="SearchRows"/> rows: the first row in which at least
    /// <see cref="MinimumMatches"/> cells name known columns. A column named twice is taken from its first (leftmost) cell.
    /// Unrecognised headers are warnings; a missing required column is an error.
    /// </summary>
    public static HeaderResult FindHeaderRow(IReadOnlyList<IReadOnlyList<string?>> firstRows)
    {
        ArgumentNullException.ThrowIfNull(firstRows);
        for (var rowIndex = 0; rowIndex < Math.Min(SearchRows, firstRows.Count); rowIndex++)
        {
            var row = firstRows[rowIndex];
            if (row is null)
                continue;
            var columns = new Dictionary<ImportColumn, int>();
            var warnings = new List<HeaderIssue>();
            for (var cell = 0; cell < row.Count; cell++)
            {
                var text = row[cell];
                if (string.IsNullOrWhiteSpace(text))
                    continue;
                if (Match(text) is not { } column)
                    warnings.Add(new HeaderIssue(ImportErrors.UnknownColumn, text.Trim(), cell));
                else if (!columns.TryAdd(column, cell))
                    warnings.Add(new HeaderIssue(ImportErrors.DuplicateColumn, text.Trim(), cell));
            }
            if (columns.Count < MinimumMatches)
                continue;
            var errors = RequiredColumns.Where(c => !columns.ContainsKey(c))
                .Select(c => new HeaderIssue(ImportErrors.MissingColumn, CanonicalName(c)))
                .ToList();
            return new HeaderResult(rowIndex, columns, errors, warnings);
        }
        return new HeaderResult(-1, new Dictionary<ImportColumn, int>(), [new HeaderIssue(ImportErrors.HeaderNotFound, string.Empty)], []);
    }

    /// <summary>The comparison key of a header: without a trailing "(unit)" or "[unit]", then letters and digits, lower case.</summary>
    internal static string Key(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return string.Empty;
        var text = header.Trim().TrimEnd(':', '.', '*').TrimEnd();
        // Drop trailing "(Rp)", "[orang]" … one after the other, as long as something is left before them.
        while (text.Length > 0 && text[^1] is ')' or ']')
        {
            var open = text.LastIndexOf(text[^1] == ')' ? '(' : '[');
            if (open <= 0 || Key(text[..open]).Length == 0)
                break;
            text = text[..open].TrimEnd().TrimEnd(':', '.', '*').TrimEnd();
        }
        return CellText.Compact(text);
    }

    private static FrozenDictionary<string, ImportColumn> BuildKeys()
    {
        var keys = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        for (var i = 0; i < Canonical.Length; i++)
            keys.Add(CellText.Compact(Canonical[i]), (ImportColumn)i);
        foreach (var (column, aliases) in AliasTable)
        {
            foreach (var alias in aliases)
                keys.Add(CellText.Compact(alias), column);
        }
        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
