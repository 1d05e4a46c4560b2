using System.Collections.Frozen;

namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>Which status changes a business record allows, and what an owner's edit does to it.</summary>
public static class BusinessStatusRules
{
    /// <summary>
    /// Fields whose change by an owner voids an officer's verification: identity (NIB, owner name, NIK)
    /// and the inputs to classification.
    /// </summary>
    public static readonly IReadOnlySet<string> ReverificationFields = new[]
    {
        "Nib", "OwnerName", "Nik", "Workers", "InvestmentRp", "AnnualSalesRp",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool CanVerify(BusinessStatus from) =>
        from is BusinessStatus.Draft or BusinessStatus.NeedsReverification;

    public static bool CanDeactivate(BusinessStatus from) =>
        from is BusinessStatus.Draft or BusinessStatus.Verified or BusinessStatus.NeedsReverification;

    public static bool CanReactivate(BusinessStatus from) => from == BusinessStatus.Inactive;

    /// <summary>A reactivated business goes back to draft so that an officer verifies it again.</summary>
    /// <exception cref="InvalidOperationException">The business is not inactive.</exception>
    public static BusinessStatus Reactivate(BusinessStatus from) =>
        CanReactivate(from)
            ? BusinessStatus.Draft
            : throw new InvalidOperationException($"A business in status {from} cannot be reactivated.");

    /// <summary>Only drafts may be deleted; anything verified once is deactivated instead, keeping its history.</summary>
    public static bool CanDelete(BusinessStatus from) => from == BusinessStatus.Draft;

    /// <summary>A verified business whose owner changes an identity or classification field needs re-verifying.</summary>
    public static BusinessStatus AfterOwnerEdit(BusinessStatus current, bool touchedIdentityOrClassificationInputs) =>
        current == BusinessStatus.Verified && touchedIdentityOrClassificationInputs
            ? BusinessStatus.NeedsReverification
            : current;
}
