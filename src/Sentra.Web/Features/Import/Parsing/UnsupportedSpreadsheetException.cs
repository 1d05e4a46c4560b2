namespace Sentra.Web.Features.Import.Parsing;

/// <summary>
/// Thrown by <see cref="SpreadsheetReader.Read"/> for a file that is neither .xlsx nor .csv (e.g. an old .xls).
/// Show <see cref="ImportErrors.UnsupportedFile"/> to the user.
/// </summary>
public sealed class UnsupportedSpreadsheetException : Exception
{
    public UnsupportedSpreadsheetException()
        : this(string.Empty)
    {
    }

    public UnsupportedSpreadsheetException(string extension)
        : base($"Unsupported spreadsheet type '{extension}': use .xlsx or .csv.")
    {
        Extension = extension;
    }

    public UnsupportedSpreadsheetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Extension = string.Empty;
    }

    /// <summary>The file's extension as given, e.g. ".xls"; empty when it had none.</summary>
    public string Extension { get; }

    /// <summary>The resource key to show the user.</summary>
    public static string ErrorKey => ImportErrors.UnsupportedFile;
}
