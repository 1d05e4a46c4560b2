using Sentra.Web.Features.Audit;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// Workforce, investment, capacity and sales for a year or half-year, with where the figures came
/// from. Kept as dated observations, not overwritten, because the programme is judged on how they
/// change; the latest one drives classification.
/// </summary>
public sealed class BusinessObservation : IAuditable
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public Business? Business { get; set; }
    public int Year { get; set; }
    /// <summary>0 for the whole year, 1 or 2 for a half-year (SIINas reports half-yearly).</summary>
    public int Half { get; set; }
    public ObservationSource Source { get; set; }
    public int PaidMale { get; set; }
    public int PaidFemale { get; set; }
    public int UnpaidMale { get; set; }
    public int UnpaidFemale { get; set; }
    /// <summary>Investment excluding land and buildings, whole Rupiah.</summary>
    public long? InvestmentRp { get; set; }
    public decimal? CapacityPerMonth { get; set; }
    public string? CapacityUnit { get; set; }
    /// <summary>Annual sales (omzet), whole Rupiah.</summary>
    public long? AnnualSalesRp { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? VillageCode { get; set; }

    public int Workers => PaidMale + PaidFemale + UnpaidMale + UnpaidFemale;

    string? IAuditable.AuditRegionCode => VillageCode;
}

public enum ObservationSource
{
    Registration = 1,
    Import = 2,
    OfficerVisit = 3,
    OwnerReport = 4,
}
