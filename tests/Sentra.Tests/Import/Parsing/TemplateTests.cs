using System.Text;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Tests.Import.Parsing;

public sealed class TemplateTests
{
    private static readonly VillageMatcher Depok = new([("32.76.11.1004", "Pondok Petir")], [("32.76.11", "Bojongsari")]);

    [Fact]
    public void The_csv_template_has_the_canonical_header_and_a_row_that_parses()
    {
        var csv = Template.Csv();
        Assert.StartsWith(string.Join(';', HeaderMatcher.CanonicalHeaders) + "\r\n", csv, StringComparison.Ordinal);

        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        AssertParses(SpreadsheetReader.Read(stream, Template.CsvFileName).ToList());
    }

    [Fact]
    public void The_xlsx_template_has_the_canonical_header_and_a_row_that_parses()
    {
        using var stream = new MemoryStream(Template.Xlsx());
        var rows = SpreadsheetReader.Read(stream, Template.XlsxFileName).ToList();
        Assert.Equal(HeaderMatcher.CanonicalHeaders, rows[0].Cells);
        AssertParses(rows);
        Assert.Equal("3276114503850007", rows[1].Cell(3));
    }

    private static void AssertParses(List<SheetRow> rows)
    {
        Assert.Equal([1, 2], rows.Select(r => r.RowNumber));
        var header = HeaderMatcher.FindHeaderRow(rows.Select(r => r.Cells).ToList());
        Assert.True(header.IsValid);
        Assert.Equal(0, header.RowIndex);
        Assert.Empty(header.Warnings);
        Assert.Equal(26, header.Columns.Count);

        var row = rows[1];
        string? Cell(ImportColumn column) => row.Cell(header.Columns[column]);
        Assert.Equal("Keripik Singkong Bu Sari", Cell(ImportColumn.BusinessName));
        Assert.Equal("3276114503850007", CellText.CleanDigits(Cell(ImportColumn.Nik)));
        Assert.True(SexParser.TryParse(Cell(ImportColumn.Sex), out var sex));
        Assert.Equal(Sex.Female, sex);
        Assert.Equal("32.76.11.1004", Depok.Match(Cell(ImportColumn.Village), Cell(ImportColumn.District)).Code);
        Assert.True(Money.TryParseRupiah(Cell(ImportColumn.Investment), out var investment));
        Assert.Equal(25_000_000, investment);
        Assert.True(Money.TryParseRupiah(Cell(ImportColumn.AnnualSales), out var sales));
        Assert.Equal(120_000_000, sales);
        Assert.True(CellText.TryParseInt(Cell(ImportColumn.WorkersFemale), out var women));
        Assert.Equal(3, women);
        Assert.True(CellText.TryParseYear(Cell(ImportColumn.YearStarted), out var year));
        Assert.Equal(2018, year);
        Assert.True(CellText.TryParseCoordinate(Cell(ImportColumn.Latitude), latitude: true, out var latitude));
        Assert.Equal(-6.4016, latitude, 10);
        Assert.True(CellText.TryParseCoordinate(Cell(ImportColumn.Longitude), latitude: false, out var longitude));
        Assert.Equal(106.7297, longitude, 10);
    }
}
