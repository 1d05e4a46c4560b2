namespace Sentra.Web;

/// <summary>
/// Marker for the UI strings in <c>Resources/SharedResource.resx</c> (Bahasa Indonesia, the
/// neutral language) and <c>Resources/SharedResource.en.resx</c> (English).
/// </summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<T>, never instantiated
public sealed class SharedResource;
#pragma warning restore CA1052
