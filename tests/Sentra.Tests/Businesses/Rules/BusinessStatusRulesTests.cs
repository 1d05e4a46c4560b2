using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Businesses.Rules;

namespace Sentra.Tests.Businesses.Rules;

public sealed class BusinessStatusRulesTests
{
    [Theory]
    [InlineData(BusinessStatus.Draft, true)]
    [InlineData(BusinessStatus.Verified, false)]
    [InlineData(BusinessStatus.NeedsReverification, true)]
    [InlineData(BusinessStatus.Inactive, false)]
    public void CanVerify_draft_or_needs_reverification(BusinessStatus from, bool expected)
    {
        Assert.Equal(expected, BusinessStatusRules.CanVerify(from));
    }

    [Theory]
    [InlineData(BusinessStatus.Draft, true)]
    [InlineData(BusinessStatus.Verified, true)]
    [InlineData(BusinessStatus.NeedsReverification, true)]
    [InlineData(BusinessStatus.Inactive, false)]
    public void CanDeactivate_anything_but_inactive(BusinessStatus from, bool expected)
    {
        Assert.Equal(expected, BusinessStatusRules.CanDeactivate(from));
    }

    [Theory]
    [InlineData(BusinessStatus.Draft, false)]
    [InlineData(BusinessStatus.Verified, false)]
    [InlineData(BusinessStatus.NeedsReverification, false)]
    [InlineData(BusinessStatus.Inactive, true)]
    public void CanReactivate_only_inactive(BusinessStatus from, bool expected)
    {
        Assert.Equal(expected, BusinessStatusRules.CanReactivate(from));
    }

    [Fact]
    public void Reactivate_returns_draft_for_re_verification()
    {
        Assert.Equal(BusinessStatus.Draft, BusinessStatusRules.Reactivate(BusinessStatus.Inactive));
    }

    [Theory]
    [InlineData(BusinessStatus.Draft)]
    [InlineData(BusinessStatus.Verified)]
    [InlineData(BusinessStatus.NeedsReverification)]
    public void Reactivate_from_an_active_status_throws(BusinessStatus from)
    {
        Assert.Throws<InvalidOperationException>(() => BusinessStatusRules.Reactivate(from));
    }

    [Theory]
    [InlineData(BusinessStatus.Draft, true)]
    [InlineData(BusinessStatus.Verified, false)]
    [InlineData(BusinessStatus.NeedsReverification, false)]
    [InlineData(BusinessStatus.Inactive, false)]
    public void CanDelete_only_drafts(BusinessStatus from, bool expected)
    {
        Assert.Equal(expected, BusinessStatusRules.CanDelete(from));
    }

    [Theory]
    [InlineData(BusinessStatus.Verified, true, BusinessStatus.NeedsReverification)]
    [InlineData(BusinessStatus.Verified, false, BusinessStatus.Verified)]
    [InlineData(BusinessStatus.Draft, true, BusinessStatus.Draft)]
    [InlineData(BusinessStatus.Draft, false, BusinessStatus.Draft)]
    [InlineData(BusinessStatus.NeedsReverification, true, BusinessStatus.NeedsReverification)]
    [InlineData(BusinessStatus.NeedsReverification, false, BusinessStatus.NeedsReverification)]
    [InlineData(BusinessStatus.Inactive, true, BusinessStatus.Inactive)]
    [InlineData(BusinessStatus.Inactive, false, BusinessStatus.Inactive)]
    public void AfterOwnerEdit_verified_record_needs_reverification_only_when_key_fields_change(
        BusinessStatus current, bool touched, BusinessStatus expected)
    {
        Assert.Equal(expected, BusinessStatusRules.AfterOwnerEdit(current, touched));
    }

    [Fact]
    public void ReverificationFields_are_identity_and_classification_inputs()
    {
        Assert.Equal(
            ["AnnualSalesRp", "InvestmentRp", "Nib", "Nik", "OwnerName", "Workers"],
            BusinessStatusRules.ReverificationFields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Nib", true)]
    [InlineData("Workers", true)]
    [InlineData("nib", false)]
    [InlineData("Brand", false)]
    [InlineData("Street", false)]
    public void ReverificationFields_are_matched_exactly(string field, bool expected)
    {
        Assert.Equal(expected, BusinessStatusRules.ReverificationFields.Contains(field));
    }
}
