using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Tests.Import.Parsing;

public sealed class HeaderMatcherTests
{
    [Theory]
    [InlineData("No", ImportColumn.No)]
    [InlineData("No.", ImportColumn.No)]
    [InlineData("Nama Usaha", ImportColumn.BusinessName)]
    [InlineData("NAMA  USAHA", ImportColumn.BusinessName)]
    [InlineData("nama_usaha", ImportColumn.BusinessName)]
    [InlineData("Nama Usaha:", ImportColumn.BusinessName)]
    [InlineData("  Nama\tUsaha  ", ImportColumn.BusinessName)]
    [InlineData("Nama Pemilik", ImportColumn.OwnerName)]
    [InlineData("Nama Pemilik Usaha", ImportColumn.OwnerName)]
    [InlineData("NIK", ImportColumn.Nik)]
    [InlineData("No. KTP", ImportColumn.Nik)]
    [InlineData("Jenis Kelamin", ImportColumn.Sex)]
    [InlineData("Jenis Kelamin (L/P)", ImportColumn.Sex)]
    [InlineData("L/P", ImportColumn.Sex)]
    [InlineData("Alamat", ImportColumn.Address)]
    [InlineData("RT", ImportColumn.Rt)]
    [InlineData("rw", ImportColumn.Rw)]
    [InlineData("Kelurahan", ImportColumn.Village)]
    [InlineData("Kelurahan/Desa", ImportColumn.Village)]
    [InlineData("Desa", ImportColumn.Village)]
    [InlineData("Kecamatan", ImportColumn.District)]
    [InlineData("Kota", ImportColumn.City)]
    [InlineData("Kabupaten/Kota", ImportColumn.City)]
    [InlineData("No HP", ImportColumn.Phone)]
    [InlineData("No. HP", ImportColumn.Phone)]
    [InlineData("Nomor HP", ImportColumn.Phone)]
    [InlineData("No. Telp", ImportColumn.Phone)]
    [InlineData("No. HP (WA)", ImportColumn.Phone)]
    [InlineData("E-mail", ImportColumn.Email)]
    [InlineData("Email", ImportColumn.Email)]
    [InlineData("NIB", ImportColumn.Nib)]
    [InlineData("KBLI", ImportColumn.Kbli)]
    [InlineData("Produk Utama", ImportColumn.MainProduct)]
    [InlineData("TK Laki-laki", ImportColumn.WorkersMale)]
    [InlineData("TK Laki Laki", ImportColumn.WorkersMale)]
    [InlineData("TK Laki-laki (orang)", ImportColumn.WorkersMale)]
    [InlineData("TK Perempuan", ImportColumn.WorkersFemale)]
    [InlineData("Nilai Investasi (Rp)", ImportColumn.Investment)]
    [InlineData("Omzet per Tahun", ImportColumn.AnnualSales)]
    [InlineData("Omzet per Tahun (Rp)", ImportColumn.AnnualSales)]
    [InlineData("Omzet per Tahun (Rp.) [juta]", ImportColumn.AnnualSales)]
    [InlineData("Omzet", ImportColumn.AnnualSales)]
    [InlineData("Omset", ImportColumn.AnnualSales)]
    [InlineData("Kapasitas Produksi", ImportColumn.Capacity)]
    [InlineData("No PIRT", ImportColumn.PirtNumber)]
    [InlineData("No. P-IRT", ImportColumn.PirtNumber)]
    [InlineData("No Sertifikat Halal", ImportColumn.HalalCertificateNumber)]
    [InlineData("Tahun Berdiri", ImportColumn.YearStarted)]
    [InlineData("Tahun Mulai", ImportColumn.YearStarted)]
    [InlineData("Latitude", ImportColumn.Latitude)]
    [InlineData("Longitude", ImportColumn.Longitude)]
    public void Headers_are_matched_ignoring_case_spacing_punctuation_and_units(string header, ImportColumn expected) =>
        Assert.Equal(expected, HeaderMatcher.Match(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Keterangan")]
    [InlineData("(Rp)")]
    [InlineData("Nama")]
    public void Unknown_or_blank_headers_match_nothing(string? header) => Assert.Null(HeaderMatcher.Match(header));

    [Fact]
    public void Every_canonical_header_matches_its_column_in_enum_order()
    {
        var columns = Enum.GetValues<ImportColumn>();
        Assert.Equal(columns.Length, HeaderMatcher.CanonicalHeaders.Count);
        foreach (var column in columns)
        {
            Assert.Equal(HeaderMatcher.CanonicalHeaders[(int)column], HeaderMatcher.CanonicalName(column));
            Assert.Equal(column, HeaderMatcher.Match(HeaderMatcher.CanonicalName(column)));
        }
        Assert.Equal("Nama Usaha", HeaderMatcher.CanonicalName(ImportColumn.BusinessName));
        Assert.Equal("TK Laki-laki", HeaderMatcher.CanonicalName(ImportColumn.WorkersMale));
    }

    [Fact]
    public void The_canonical_header_row_is_found_at_the_top()
    {
        var result = HeaderMatcher.FindHeaderRow([HeaderMatcher.CanonicalHeaders.ToArray()]);
        Assert.True(result.IsValid);
        Assert.Equal(0, result.RowIndex);
        Assert.Equal(26, result.Columns.Count);
        Assert.Equal(3, result.Columns[ImportColumn.Nik]);
        Assert.Equal(25, result.Columns[ImportColumn.Longitude]);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Title_rows_above_an_oddly_written_header_are_skipped()
    {
        string?[][] rows =
        [
            ["DATA INDUSTRI KECIL DAN MENENGAH (IKM) PANGAN"],
            ["KOTA DEPOK TAHUN 2024", null, null, "Nama Usaha"],
            [],
            [null, "NO.", "NAMA  USAHA", "nama_pemilik", "N I K", "Jenis Kelamin (L/P)", "Kelurahan / Desa:", "Kec.", "No. HP", "Keterangan", "Omzet per Tahun (Rp)"],
            [null, "1", "Keripik Bu Sari", "Sari", "3276114503850007", "P", "Pondok Petir", "Bojongsari", "0812", "", "1.500.000"],
        ];
        var result = HeaderMatcher.FindHeaderRow(rows);

        Assert.True(result.IsValid);
        Assert.Equal(3, result.RowIndex);
        Assert.Equal(1, result.Columns[ImportColumn.No]);
        Assert.Equal(2, result.Columns[ImportColumn.BusinessName]);
        Assert.Equal(3, result.Columns[ImportColumn.OwnerName]);
        Assert.Equal(4, result.Columns[ImportColumn.Nik]);
        Assert.Equal(5, result.Columns[ImportColumn.Sex]);
        Assert.Equal(6, result.Columns[ImportColumn.Village]);
        Assert.Equal(7, result.Columns[ImportColumn.District]);
        Assert.Equal(8, result.Columns[ImportColumn.Phone]);
        Assert.Equal(10, result.Columns[ImportColumn.AnnualSales]);
        var unknown = Assert.Single(result.Warnings);
        Assert.Equal(new HeaderIssue(ImportErrors.UnknownColumn, "Keterangan", 9), unknown);
    }

    [Fact]
    public void A_missing_required_column_is_reported_by_its_canonical_name()
    {
        string?[][] rows = [["No", "Nama Usaha", "NIK", "Alamat", "RT", "RW", "Kecamatan"]];
        var result = HeaderMatcher.FindHeaderRow(rows);

        Assert.True(result.Found);
        Assert.False(result.IsValid);
        Assert.Equal(
            [new HeaderIssue(ImportErrors.MissingColumn, "Nama Pemilik"), new HeaderIssue(ImportErrors.MissingColumn, "Kelurahan")],
            result.Errors);
    }

    [Fact]
    public void A_column_named_twice_is_taken_from_the_left_and_reported()
    {
        string?[][] rows = [["Nama Usaha", "Nama Pemilik", "Kelurahan", "Omzet", "Omzet per Tahun (Rp)", "Kecamatan"]];
        var result = HeaderMatcher.FindHeaderRow(rows);

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Columns[ImportColumn.AnnualSales]);
        Assert.Equal([new HeaderIssue(ImportErrors.DuplicateColumn, "Omzet per Tahun (Rp)", 4)], result.Warnings);
    }

    [Fact]
    public void No_header_row_in_the_first_ten_rows_is_an_error()
    {
        var rows = Enumerable.Range(0, 10).Select(i => (IReadOnlyList<string?>)[$"Judul {i}", "Nama Usaha"]).ToList();
        rows.Add(HeaderMatcher.CanonicalHeaders.ToArray());
        var result = HeaderMatcher.FindHeaderRow(rows);

        Assert.False(result.Found);
        Assert.Equal(-1, result.RowIndex);
        Assert.Equal(ImportErrors.HeaderNotFound, Assert.Single(result.Errors).Key);
        Assert.Empty(result.Columns);
    }

    [Fact]
    public void A_row_with_four_known_headers_is_not_the_header()
    {
        string?[][] rows =
        [
            ["Nama Usaha", "Nama Pemilik", "Kelurahan", "Kecamatan"],
            ["Nama Usaha", "Nama Pemilik", "Kelurahan", "Kecamatan", "Kota"],
        ];
        Assert.Equal(1, HeaderMatcher.FindHeaderRow(rows).RowIndex);
    }
}
