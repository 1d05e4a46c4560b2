using Sentra.Web.Features.Businesses.Rules;

namespace Sentra.Tests.Businesses.Rules;

public sealed class ClassificationTests
{
    private const long Billion = 1_000_000_000;
    private static readonly ClassificationOptions Defaults = new();

    private static ClassificationResult Classify(int? workers, long? investment, long? sales) =>
        Classification.Classify(new ClassificationInputs(workers, investment, sales), Defaults);

    [Theory]
    [InlineData(null, null, IndustryClass.Unknown)]
    [InlineData(null, 20 * Billion, IndustryClass.Unknown)]
    [InlineData(0, 0L, IndustryClass.Small)]
    [InlineData(1, null, IndustryClass.Small)]
    [InlineData(19, null, IndustryClass.Small)]
    [InlineData(19, Billion - 1, IndustryClass.Small)]
    [InlineData(19, Billion, IndustryClass.Medium)]
    [InlineData(5, Billion, IndustryClass.Medium)]
    [InlineData(19, 15 * Billion, IndustryClass.Medium)]
    [InlineData(19, 15 * Billion + 1, IndustryClass.Medium)] // large needs at least 20 workers
    [InlineData(20, null, IndustryClass.Medium)]
    [InlineData(20, 0L, IndustryClass.Medium)]
    [InlineData(20, Billion - 1, IndustryClass.Medium)]
    [InlineData(20, 15 * Billion, IndustryClass.Medium)]
    [InlineData(20, 15 * Billion + 1, IndustryClass.Large)]
    [InlineData(500, 100 * Billion, IndustryClass.Large)]
    public void Industry_by_workers_and_investment(int? workers, long? investment, IndustryClass expected)
    {
        Assert.Equal(expected, Classify(workers, investment, null).Industry);
    }

    [Theory]
    [InlineData(0L, EnterpriseClass.Micro)]
    [InlineData(2 * Billion, EnterpriseClass.Micro)]
    [InlineData(2 * Billion + 1, EnterpriseClass.Small)]
    [InlineData(15 * Billion, EnterpriseClass.Small)]
    [InlineData(15 * Billion + 1, EnterpriseClass.Medium)]
    [InlineData(50 * Billion, EnterpriseClass.Medium)]
    [InlineData(50 * Billion + 1, EnterpriseClass.Large)]
    public void Enterprise_by_annual_sales(long sales, EnterpriseClass expected)
    {
        var result = Classify(3, null, sales);

        Assert.Equal(expected, result.Enterprise);
        Assert.Equal(EnterpriseBasis.AnnualSales, result.EnterpriseBasis);
    }

    [Theory]
    [InlineData(0L, EnterpriseClass.Micro)]
    [InlineData(Billion, EnterpriseClass.Micro)]
    [InlineData(Billion + 1, EnterpriseClass.Small)]
    [InlineData(5 * Billion, EnterpriseClass.Small)]
    [InlineData(5 * Billion + 1, EnterpriseClass.Medium)]
    [InlineData(10 * Billion, EnterpriseClass.Medium)]
    [InlineData(10 * Billion + 1, EnterpriseClass.Large)]
    public void Enterprise_by_capital_when_sales_unknown(long investment, EnterpriseClass expected)
    {
        var result = Classify(3, investment, null);

        Assert.Equal(expected, result.Enterprise);
        Assert.Equal(EnterpriseBasis.Capital, result.EnterpriseBasis);
    }

    [Theory]
    [InlineData(20 * Billion, Billion, EnterpriseClass.Micro)]
    [InlineData(0L, 60 * Billion, EnterpriseClass.Large)]
    public void Enterprise_sales_take_precedence_over_capital(long investment, long sales, EnterpriseClass expected)
    {
        var result = Classify(3, investment, sales);

        Assert.Equal(expected, result.Enterprise);
        Assert.Equal(EnterpriseBasis.AnnualSales, result.EnterpriseBasis);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10)]
    public void Enterprise_unknown_without_sales_or_capital(int? workers)
    {
        var result = Classify(workers, null, null);

        Assert.Equal(EnterpriseClass.Unknown, result.Enterprise);
        Assert.Equal(EnterpriseBasis.None, result.EnterpriseBasis);
    }

    [Fact]
    public void Result_names_the_rules_and_echoes_the_inputs()
    {
        var inputs = new ClassificationInputs(12, 300_000_000, 900_000_000);

        var result = Classification.Classify(inputs, Defaults);

        Assert.Equal("Permenperin 64/2016", result.IndustryRule);
        Assert.Equal("PP 7/2021", result.EnterpriseRule);
        Assert.Same(inputs, result.Inputs);
        Assert.Equal(IndustryClass.Small, result.Industry);
        Assert.Equal(EnterpriseClass.Micro, result.Enterprise);
    }

    [Fact]
    public void Options_defaults_match_the_regulations()
    {
        Assert.Equal("Sentra:Classification", ClassificationOptions.Section);
        Assert.Equal(19, Defaults.SmallIndustryMaxWorkers);
        Assert.Equal(Billion, Defaults.SmallIndustryMaxInvestmentRp);
        Assert.Equal(15 * Billion, Defaults.MediumIndustryMaxInvestmentRp);
        Assert.Equal(2 * Billion, Defaults.MicroMaxSalesRp);
        Assert.Equal(15 * Billion, Defaults.SmallMaxSalesRp);
        Assert.Equal(50 * Billion, Defaults.MediumMaxSalesRp);
        Assert.Equal(Billion, Defaults.MicroMaxCapitalRp);
        Assert.Equal(5 * Billion, Defaults.SmallMaxCapitalRp);
        Assert.Equal(10 * Billion, Defaults.MediumMaxCapitalRp);
    }

    [Fact]
    public void Configured_thresholds_and_rule_names_are_used()
    {
        var options = new ClassificationOptions
        {
            SmallIndustryMaxWorkers = 4,
            SmallIndustryMaxInvestmentRp = 500_000_000,
            MediumIndustryMaxInvestmentRp = 2 * Billion,
            IndustryRuleVersion = "Permenperin X/2030",
            MicroMaxSalesRp = Billion,
            SmallMaxSalesRp = 2 * Billion,
            MediumMaxSalesRp = 3 * Billion,
            EnterpriseRuleVersion = "PP Y/2030",
        };

        var small = Classification.Classify(new ClassificationInputs(4, 499_999_999, Billion), options);
        var large = Classification.Classify(new ClassificationInputs(5, 2 * Billion + 1, 3 * Billion + 1), options);

        Assert.Equal(IndustryClass.Small, small.Industry);
        Assert.Equal(EnterpriseClass.Micro, small.Enterprise);
        Assert.Equal(IndustryClass.Large, large.Industry);
        Assert.Equal(EnterpriseClass.Large, large.Enterprise);
        Assert.Equal("Permenperin X/2030", large.IndustryRule);
        Assert.Equal("PP Y/2030", large.EnterpriseRule);
    }

    [Theory]
    [InlineData(-1, null, null)]
    [InlineData(null, -1L, null)]
    [InlineData(null, null, -1L)]
    public void Negative_figures_throw(int? workers, long? investment, long? sales)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Classify(workers, investment, sales));
    }
}
