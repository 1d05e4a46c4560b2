using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Demo;

/// <summary>A fictional demo business of the Pondok Petir sentra.</summary>
public sealed record DemoBusiness(
    string Name,
    string? Brand,
    string OwnerName,
    Sex OwnerSex,
    DateOnly OwnerBirthDate,
    string OwnerPhone,
    string Street,
    string Rt,
    string Rw,
    double Latitude,
    double Longitude,
    string Kbli,
    string MainProductType,
    int YearStarted,
    string? Nib,
    SalesChannels Channels,
    int PaidMale,
    int PaidFemale,
    int UnpaidMale,
    int UnpaidFemale,
    long InvestmentRp,
    long AnnualSalesRp,
    decimal CapacityPerMonth,
    string CapacityUnit,
    TimeOnly Opens,
    TimeOnly Closes,
    IReadOnlyList<DemoProduct> Products);

public sealed record DemoProduct(
    string Name,
    string? NameEn,
    string Description,
    string? DescriptionEn,
    string Category,
    string Unit,
    decimal NetQuantity,
    string NetUnit,
    long PriceRp,
    int ShelfLifeDays,
    string Packaging,
    string Ingredients,
    string? Allergens,
    string? PermitNumber,
    HalalStatus Halal,
    Availability Availability);

public static partial class DemoData
{
    // The businesses live in DemoData.Businesses.cs.
}
