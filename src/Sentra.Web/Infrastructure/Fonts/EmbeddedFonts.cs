using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Sentra.Web.Infrastructure.Fonts;

/// <summary>
/// The fonts PDFsharp draws with: DejaVu Sans regular and bold, shipped inside this assembly (see LICENSE beside
/// them), so that a PDF looks the same on every server and the app never reads a system font folder. Every family
/// name resolves to DejaVu Sans; it covers Latin, Greek and Cyrillic, enough for Indonesian and English text.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly EmbeddedFonts Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private EmbeddedFonts()
    {
    }

    /// <summary>
    /// Installs the resolver for the process. PDFsharp's setting is global and may be set again only with the same
    /// instance, so this is safe to call from every app (the tests start several in one process).
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    /// <summary>Bold asks for the bold face; italic is slanted by PDFsharp (no italic face is shipped).</summary>
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"Sentra.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The font {name} is not embedded in the app.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
