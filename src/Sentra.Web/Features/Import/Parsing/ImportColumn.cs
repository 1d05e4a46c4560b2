namespace Sentra.Web.Features.Import.Parsing;

/// <summary>
/// The columns of the IKM import spreadsheet, in the order of the canonical template
/// (see <see cref="HeaderMatcher.CanonicalName"/> for the Indonesian header text).
/// </summary>
public enum ImportColumn
{
    No,
    BusinessName,
    OwnerName,
    Nik,
    Sex,
    Address,
    Rt,
    Rw,
    Village,
    District,
    City,
    Phone,
    Email,
    Nib,
    Kbli,
    MainProduct,
    WorkersMale,
    WorkersFemale,
    Investment,
    AnnualSales,
    Capacity,
    PirtNumber,
    HalalCertificateNumber,
    YearStarted,
    Latitude,
    Longitude,
}
