namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>
/// Classification thresholds in whole Rupiah. Configuration, not code, because the regulations
/// change; each set carries the name of the rule it implements so stored results say what judged them.
/// </summary>
public sealed class ClassificationOptions
{
    public const string Section = "Sentra:Classification";

    // Industry size, Permenperin 64/M-IND/PER/7/2016.

    /// <summary>Small industry employs at most this many workers.</summary>
    public int SmallIndustryMaxWorkers { get; set; } = 19;

    /// <summary>Small industry invests strictly less than this (excluding land and buildings).</summary>
    public long SmallIndustryMaxInvestmentRp { get; set; } = 1_000_000_000;

    /// <summary>With more than <see cref="SmallIndustryMaxWorkers"/> workers, medium industry invests at most this.</summary>
    public long MediumIndustryMaxInvestmentRp { get; set; } = 15_000_000_000;

    public string IndustryRuleVersion { get; set; } = "Permenperin 64/2016";

    // Enterprise size, PP 7/2021 art. 35: by annual sales when known, else by capital.

    public long MicroMaxSalesRp { get; set; } = 2_000_000_000;
    public long SmallMaxSalesRp { get; set; } = 15_000_000_000;
    public long MediumMaxSalesRp { get; set; } = 50_000_000_000;

    /// <summary>Business capital excluding land and buildings; recorded investment stands in for it.</summary>
    public long MicroMaxCapitalRp { get; set; } = 1_000_000_000;
    public long SmallMaxCapitalRp { get; set; } = 5_000_000_000;
    public long MediumMaxCapitalRp { get; set; } = 10_000_000_000;

    public string EnterpriseRuleVersion { get; set; } = "PP 7/2021";
}

// Stored in the database: keep the numbers stable.
public enum IndustryClass
{
    Unknown = 0,
    Small = 1,
    Medium = 2,
    Large = 3,
}

public enum EnterpriseClass
{
    Unknown = 0,
    Micro = 1,
    Small = 2,
    Medium = 3,
    Large = 4,
}

public enum EnterpriseBasis
{
    None = 0,
    AnnualSales = 1,
    Capital = 2,
}

/// <param name="Workers">Paid and unpaid, men and women; null when unknown.</param>
/// <param name="InvestmentRp">Investment excluding land and buildings; null when unknown.</param>
/// <param name="AnnualSalesRp">Annual sales (omzet); null when unknown.</param>
public sealed record ClassificationInputs(int? Workers, long? InvestmentRp, long? AnnualSalesRp);

/// <param name="IndustryRule">The industry rule version applied, e.g. "Permenperin 64/2016".</param>
/// <param name="EnterpriseRule">The enterprise rule version applied, e.g. "PP 7/2021".</param>
public sealed record ClassificationResult(
    IndustryClass Industry,
    EnterpriseClass Enterprise,
    EnterpriseBasis EnterpriseBasis,
    string IndustryRule,
    string EnterpriseRule,
    ClassificationInputs Inputs);

/// <summary>Industry size (Permenperin 64/2016) and enterprise size (PP 7/2021) from one observation.</summary>
public static class Classification
{
    /// <exception cref="ArgumentOutOfRangeException">A figure is negative: callers validate input first.</exception>
    public static ClassificationResult Classify(ClassificationInputs inputs, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        if (inputs.Workers is { } workers)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(workers, nameof(inputs));
        }
        if (inputs.InvestmentRp is { } investment)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(investment, nameof(inputs));
        }
        if (inputs.AnnualSalesRp is { } sales)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sales, nameof(inputs));
        }

        var (enterprise, basis) = Enterprise(inputs, options);
        return new ClassificationResult(
            Industry(inputs, options),
            enterprise,
            basis,
            options.IndustryRuleVersion,
            options.EnterpriseRuleVersion,
            inputs);
    }

    private static IndustryClass Industry(ClassificationInputs inputs, ClassificationOptions options)
    {
        if (inputs.Workers is not { } workers)
        {
            return IndustryClass.Unknown;
        }
        var investment = inputs.InvestmentRp;
        if (workers <= options.SmallIndustryMaxWorkers)
        {
            // The regulation has no "large" with fewer than 20 workers: big investment stays medium.
            return investment is null || investment < options.SmallIndustryMaxInvestmentRp
                ? IndustryClass.Small
                : IndustryClass.Medium;
        }
        return investment is null || investment <= options.MediumIndustryMaxInvestmentRp
            ? IndustryClass.Medium
            : IndustryClass.Large;
    }

    private static (EnterpriseClass, EnterpriseBasis) Enterprise(ClassificationInputs inputs, ClassificationOptions options)
    {
        if (inputs.AnnualSalesRp is { } sales)
        {
            return (Band(sales, options.MicroMaxSalesRp, options.SmallMaxSalesRp, options.MediumMaxSalesRp), EnterpriseBasis.AnnualSales);
        }
        if (inputs.InvestmentRp is { } capital)
        {
            return (Band(capital, options.MicroMaxCapitalRp, options.SmallMaxCapitalRp, options.MediumMaxCapitalRp), EnterpriseBasis.Capital);
        }
        return (EnterpriseClass.Unknown, EnterpriseBasis.None);
    }

    private static EnterpriseClass Band(long value, long microMax, long smallMax, long mediumMax) =>
        value <= microMax ? EnterpriseClass.Micro
        : value <= smallMax ? EnterpriseClass.Small
        : value <= mediumMax ? EnterpriseClass.Medium
        : EnterpriseClass.Large;
}
