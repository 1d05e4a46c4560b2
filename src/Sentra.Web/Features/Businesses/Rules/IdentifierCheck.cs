namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>
/// The outcome of checking a typed identifier. <see cref="Value"/> is the normalised form to store
/// when valid; <see cref="ErrorKey"/> is a resource key (e.g. <c>Nib.Length</c>) when not.
/// </summary>
public sealed record IdentifierCheck(bool IsValid, string? Value, string? ErrorKey)
{
    public static IdentifierCheck Valid(string value) => new(true, value, null);

    public static IdentifierCheck Invalid(string errorKey) => new(false, null, errorKey);
}
