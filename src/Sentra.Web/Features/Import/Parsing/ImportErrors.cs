namespace Sentra.Web.Features.Import.Parsing;

/// <summary>
/// Resource keys returned by the import parsers. Each is a key in <c>SharedResource.resx</c> (Indonesian)
/// and <c>SharedResource.en.resx</c>; the parsers never build messages themselves.
/// </summary>
public static class ImportErrors
{
    /// <summary>No row among the first rows has enough known headers. No argument.</summary>
    public const string HeaderNotFound = "Import.HeaderNotFound";

    /// <summary>A required column is absent. {0} = canonical header name, e.g. "Nama Usaha".</summary>
    public const string MissingColumn = "Import.MissingColumn";

    /// <summary>Warning: a header was not recognised and its column is ignored. {0} = header text.</summary>
    public const string UnknownColumn = "Import.UnknownColumn";

    /// <summary>Warning: two headers name the same column; the first (leftmost) is used. {0} = header text.</summary>
    public const string DuplicateColumn = "Import.DuplicateColumn";

    /// <summary>Not a Rupiah amount.</summary>
    public const string Money = "Import.Money";

    /// <summary>A negative Rupiah amount.</summary>
    public const string MoneyNegative = "Import.MoneyNegative";

    /// <summary>A Rupiah amount that can be read two ways, e.g. "1,5" without "juta".</summary>
    public const string MoneyAmbiguous = "Import.MoneyAmbiguous";

    /// <summary>A Rupiah amount with a fraction of a Rupiah, e.g. "1.500.000,50".</summary>
    public const string MoneyFraction = "Import.MoneyFraction";

    /// <summary>A number shown in scientific notation (e.g. a NIK that Excel turned into 3,27611E+15): digits are lost.</summary>
    public const string ScientificNotation = "Import.ScientificNotation";

    /// <summary>Not a whole number.</summary>
    public const string Number = "Import.Number";

    /// <summary>Not a recognised sex (L/P).</summary>
    public const string Sex = "Import.Sex";

    /// <summary>The village (kelurahan/desa) cell is empty.</summary>
    public const string VillageRequired = "Import.VillageRequired";

    /// <summary>The village is not in the list. Candidates may hold near matches (codes).</summary>
    public const string VillageUnknown = "Import.VillageUnknown";

    /// <summary>Several villages have this name and the district does not pick one. Candidates hold their codes.</summary>
    public const string VillageAmbiguous = "Import.VillageAmbiguous";

    /// <summary>The village exists, but not in the given (known) district. Candidates hold the village's code.</summary>
    public const string VillageDistrictMismatch = "Import.VillageDistrictMismatch";

    /// <summary>Not a decimal coordinate.</summary>
    public const string Coordinate = "Import.Coordinate";

    /// <summary>A coordinate outside Indonesia (latitude −11..6, longitude 95..141).</summary>
    public const string CoordinateRange = "Import.CoordinateRange";

    /// <summary>Not a year between 1900 and the current year.</summary>
    public const string Year = "Import.Year";

    /// <summary>The file is not .xlsx or .csv (see <see cref="UnsupportedSpreadsheetException"/>).</summary>
    public const string UnsupportedFile = "Import.UnsupportedFile";
}
