using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Sentra.Web.Features.Demo;

/// <summary>
/// Draws the demo products' pictures. This machine has no stock photos and the demo businesses are fictional, so
/// each product gets a flat illustration, never anything that could pass for a photo of a real product: a soft
/// background in its category's colour, a drawn pouch, vacuum bag, jar, bottle, box or leaf parcel (after its
/// packaging), the brand and product name on the label, and an "Ilustrasi" tag. The same product always gives the
/// same picture: colours and decorations come from a stable hash of its name, the text from DejaVu Sans (shipped in
/// <c>Infrastructure/Fonts</c>, since SkiaSharp's dependency-free native build sees no system fonts).
/// </summary>
public static class DemoProductArt
{
    /// <summary>4:3, the shape the public pages reserve for product photos (640×480, 320×240).</summary>
    public const int Width = 800;
    public const int Height = 600;

    private const float CenterX = Width / 2f;

    private static readonly Lazy<SKTypeface> Regular = new(() => LoadFont("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => LoadFont("DejaVuSans-Bold.ttf"));

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Main colour and the colour of the food itself (seen through clear packaging), by category key.</summary>
    private static readonly Dictionary<string, (SKColor Main, SKColor Food)> Palette = new(StringComparer.Ordinal)
    {
        ["snacks"] = (new SKColor(0xE0, 0x7A, 0x2E), new SKColor(0xC9, 0x8A, 0x3E)),
        ["chips"] = (new SKColor(0xD9, 0x9A, 0x16), new SKColor(0xE7, 0xB5, 0x4A)),
        ["cakes"] = (new SKColor(0xCF, 0x5C, 0x78), new SKColor(0xF1, 0xD3, 0xA2)),
        ["frozen"] = (new SKColor(0x2F, 0x80, 0xBF), new SKColor(0xEA, 0xD8, 0xB2)),
        ["sambal"] = (new SKColor(0xC0, 0x39, 0x2B), new SKColor(0xB3, 0x26, 0x1E)),
        ["beverages"] = (new SKColor(0x22, 0x94, 0x7F), new SKColor(0x8F, 0xC9, 0x6B)),
        ["sweets"] = (new SKColor(0x8A, 0x55, 0xB0), new SKColor(0x7A, 0x4A, 0x2A)),
    };

    private static readonly (SKColor Main, SKColor Food) OtherCategory = (new SKColor(0x5C, 0x6B, 0x7A), new SKColor(0xD8, 0xC3, 0x9A));

    private enum Shape { Pouch, VacuumBag, Jar, Bottle, Box, LeafParcel }

    /// <summary>The picture as PNG bytes, ready for the photo pipeline like any upload.</summary>
    /// <param name="name">Product name, printed on the label.</param>
    /// <param name="brand">Brand or business name, printed above it.</param>
    /// <param name="category">Category key (<c>chips</c>, <c>frozen</c>, …): sets the colours.</param>
    /// <param name="packaging">Packaging as the demo data says it (<c>standing pouch</c>, <c>toples plastik</c>, …): sets the shape.</param>
    /// <param name="quantity">Net quantity line (<c>500 g</c>), or null.</param>
    public static byte[] DrawPng(string name, string? brand, string category, string? packaging, string? quantity)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        Draw(surface.Canvas, name, brand, category, packaging, quantity);
        using var pixels = surface.PeekPixels();
        // Fast compression: the pipeline decodes it at once, so size hardly matters and speed does (seeding draws dozens).
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the demo picture.");
        return data.ToArray();
    }

    /// <summary>Net quantity as printed on a pack: <c>500 g</c>, <c>1,5 L</c>.</summary>
    public static string? Quantity(decimal? netQuantity, string? netUnit) =>
        netQuantity is { } q ? $"{q.ToString("0.##", Indonesian)} {netUnit}".Trim() : null;

    private static void Draw(SKCanvas canvas, string name, string? brand, string category, string? packaging, string? quantity)
    {
        var random = new Xorshift(StableHash(name));
        var (main, food) = Palette.GetValueOrDefault(category, OtherCategory);
        main = Shift(main, random.Next(-12, 13));

        DrawBackground(canvas, main, random);
        var shape = ShapeOf(packaging);
        DrawShadow(canvas, shape);
        var labelCenterY = shape switch
        {
            Shape.Pouch => 320f,
            Shape.VacuumBag => 300f,
            Shape.Jar => 345f,
            Shape.Bottle => 370f,
            Shape.Box => 345f,
            _ => 300f,
        };
        var labelWidth = shape is Shape.Bottle ? 236f : 290f;
        switch (shape)
        {
            case Shape.Pouch: DrawPouch(canvas, main); break;
            case Shape.VacuumBag: DrawVacuumBag(canvas, main, food, random); break;
            case Shape.Jar: DrawJar(canvas, main, food, random); break;
            case Shape.Bottle: DrawBottle(canvas, main, category == "beverages" ? Mix(food, SKColors.White, 0.15f) : food); break;
            case Shape.Box: DrawBox(canvas, main); break;
            default: DrawLeafParcel(canvas); break;
        }
        DrawLabel(canvas, new SKPoint(CenterX, labelCenterY), labelWidth, main, name, brand, quantity);
        DrawTag(canvas);
    }

    private static Shape ShapeOf(string? packaging)
    {
        var p = (packaging ?? "").ToLowerInvariant();
        if (p.Contains("vakum", StringComparison.Ordinal)) return Shape.VacuumBag;
        if (p.Contains("toples", StringComparison.Ordinal) || p.Contains("jar", StringComparison.Ordinal)) return Shape.Jar;
        if (p.Contains("botol", StringComparison.Ordinal)) return Shape.Bottle;
        if (p.Contains("kotak", StringComparison.Ordinal) || p.Contains("karton", StringComparison.Ordinal) || p.Contains("dus", StringComparison.Ordinal)) return Shape.Box;
        if (p.Contains("daun", StringComparison.Ordinal)) return Shape.LeafParcel;
        return Shape.Pouch;
    }

    private static void DrawBackground(SKCanvas canvas, SKColor main, Xorshift random)
    {
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width * 0.3f, Height),
                   [Mix(main, SKColors.White, 0.9f), Mix(main, SKColors.White, 0.74f)], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = shader, IsAntialias = true })
        {
            canvas.DrawRect(0, 0, Width, Height, paint);
        }
        // Soft round shapes behind the object.
        using (var dot = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(70) })
        {
            for (var i = 0; i < 7; i++)
            {
                var x = random.Next(0, Width);
                var y = random.Next(0, (int)(Height * 0.8));
                var r = random.Next(30, 130);
                dot.Color = SKColors.White.WithAlpha((byte)random.Next(45, 110));
                canvas.DrawCircle(x, y, r, dot);
            }
        }
        // A table top.
        using var table = new SKPaint { IsAntialias = true, Color = Mix(main, SKColors.White, 0.66f) };
        canvas.DrawRect(0, 470, Width, Height - 470, table);
        using var edge = new SKPaint { IsAntialias = true, Color = Mix(main, SKColors.White, 0.55f) };
        canvas.DrawRect(0, 470, Width, 4, edge);
    }

    private static void DrawShadow(SKCanvas canvas, Shape shape)
    {
        var half = shape is Shape.Bottle ? 150f : 200f;
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 10);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(45), MaskFilter = blur };
        canvas.DrawOval(new SKRect(CenterX - half, 480, CenterX + half, 524), paint);
    }

    private static void DrawPouch(SKCanvas canvas, SKColor main)
    {
        using var outline = new SKPathBuilder();
        outline.MoveTo(262, 92);
        outline.LineTo(538, 92);
        outline.QuadTo(578, 300, 566, 492);
        outline.QuadTo(400, 516, 234, 492);
        outline.QuadTo(222, 300, 262, 92);
        outline.Close();
        using var path = outline.Detach();
        FillBody(canvas, path, main);
        using var seal = new SKPaint { IsAntialias = true, Color = Darken(main, 0.18f) };
        canvas.DrawRect(262, 92, 276, 22, seal);
        using var zip = new SKPaint { IsAntialias = true, Color = Darken(main, 0.3f), StrokeWidth = 4, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(258, 138, 542, 138, zip);
        using var hole = new SKPaint { IsAntialias = true, Color = Mix(main, SKColors.White, 0.85f) };
        canvas.DrawCircle(CenterX, 103, 6, hole);
    }

    private static void DrawVacuumBag(SKCanvas canvas, SKColor main, SKColor food, Xorshift random)
    {
        var body = new SKRect(226, 128, 574, 472);
        using (var clear = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(150) })
        {
            canvas.DrawRoundRect(body, 28, 28, clear);
        }
        // The frozen pieces, pressed flat by the vacuum.
        using (var piece = new SKPaint { IsAntialias = true })
        using (var rim = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 })
        {
            canvas.Save();
            canvas.ClipRoundRect(new SKRoundRect(body, 28, 28), antialias: true);
            for (var row = 0; row < 4; row++)
            {
                for (var col = 0; col < 4; col++)
                {
                    var x = 268 + col * 88 + (row % 2) * 30 + random.Next(-8, 9);
                    var y = 168 + row * 88 + random.Next(-8, 9);
                    piece.Color = Shift(food, random.Next(-6, 7));
                    rim.Color = Darken(food, 0.18f);
                    var oval = new SKRect(x - 44, y - 30, x + 44, y + 30);
                    canvas.Save();
                    canvas.RotateDegrees(random.Next(-25, 26), x, y);
                    canvas.DrawOval(oval, piece);
                    canvas.DrawOval(oval, rim);
                    canvas.Restore();
                }
            }
            canvas.Restore();
        }
        using var film = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(70) };
        canvas.DrawRoundRect(body, 28, 28, film);
        // Crimped seals at both ends.
        using var seal = new SKPaint { IsAntialias = true, Color = main };
        foreach (var top in new[] { 100f, 466f })
        {
            using var crimp = new SKPathBuilder();
            crimp.MoveTo(214, top);
            for (var x = 214f; x < 586f; x += 12)
            {
                crimp.LineTo(x + 6, top - 5);
                crimp.LineTo(x + 12, top);
            }
            crimp.LineTo(586, top + 34);
            for (var x = 586f; x > 214f; x -= 12)
            {
                crimp.LineTo(x - 6, top + 39);
                crimp.LineTo(x - 12, top + 34);
            }
            crimp.Close();
            using var crimpPath = crimp.Detach();
            canvas.DrawPath(crimpPath, seal);
        }
        using var shine = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(120), Style = SKPaintStyle.Stroke, StrokeWidth = 10, StrokeCap = SKStrokeCap.Round };
        canvas.DrawLine(250, 170, 250, 420, shine);
    }

    private static void DrawJar(SKCanvas canvas, SKColor main, SKColor food, Xorshift random)
    {
        var body = new SKRect(246, 170, 554, 500);
        using (var glass = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(160) })
        {
            canvas.DrawRoundRect(body, 44, 44, glass);
        }
        using (var piece = new SKPaint { IsAntialias = true })
        {
            canvas.Save();
            canvas.ClipRoundRect(new SKRoundRect(new SKRect(body.Left + 8, 230, body.Right - 8, body.Bottom - 8), 38, 38), antialias: true);
            for (var i = 0; i < 90; i++)
            {
                piece.Color = Shift(food, random.Next(-10, 11));
                var x = random.Next(250, 551);
                var y = random.Next(226, 500);
                var r = random.Next(16, 30);
                canvas.DrawCircle(x, y, r, piece);
            }
            canvas.Restore();
        }
        using var outline = new SKPaint { IsAntialias = true, Color = Darken(main, 0.1f).WithAlpha(110), Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
        canvas.DrawRoundRect(body, 44, 44, outline);
        using var lid = new SKPaint { IsAntialias = true, Color = main };
        canvas.DrawRoundRect(new SKRect(262, 118, 538, 180), 14, 14, lid);
        using var ridge = new SKPaint { IsAntialias = true, Color = Darken(main, 0.2f), StrokeWidth = 3, Style = SKPaintStyle.Stroke };
        for (var x = 282f; x < 530f; x += 16) canvas.DrawLine(x, 126, x, 172, ridge);
        using var shine = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(150), Style = SKPaintStyle.Stroke, StrokeWidth = 10, StrokeCap = SKStrokeCap.Round };
        canvas.DrawLine(270, 220, 270, 460, shine);
    }

    private static void DrawBottle(SKCanvas canvas, SKColor main, SKColor drink)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(372, 150);
        builder.LineTo(428, 150);
        builder.LineTo(428, 190);
        builder.CubicTo(428, 220, 520, 222, 520, 270);
        builder.LineTo(520, 476);
        builder.QuadTo(520, 500, 496, 500);
        builder.LineTo(304, 500);
        builder.QuadTo(280, 500, 280, 476);
        builder.LineTo(280, 270);
        builder.CubicTo(280, 222, 372, 220, 372, 190);
        builder.Close();
        using var path = builder.Detach();
        using (var glass = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(150) })
        {
            canvas.DrawPath(path, glass);
        }
        canvas.Save();
        canvas.ClipPath(path, antialias: true);
        using (var liquid = new SKPaint { IsAntialias = true, Color = drink.WithAlpha(235) })
        {
            canvas.DrawRect(260, 236, 280, 280, liquid);
        }
        canvas.Restore();
        using var outline = new SKPaint { IsAntialias = true, Color = Darken(main, 0.1f).WithAlpha(120), Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
        canvas.DrawPath(path, outline);
        using var cap = new SKPaint { IsAntialias = true, Color = main };
        canvas.DrawRoundRect(new SKRect(362, 104, 438, 154), 8, 8, cap);
        using var shine = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(150), Style = SKPaintStyle.Stroke, StrokeWidth = 9, StrokeCap = SKStrokeCap.Round };
        canvas.DrawLine(300, 286, 300, 470, shine);
    }

    private static void DrawBox(SKCanvas canvas, SKColor main)
    {
        using var front = new SKPaint { IsAntialias = true, Color = main };
        canvas.DrawRect(new SKRect(232, 200, 520, 500), front);
        using var top = new SKPaint { IsAntialias = true, Color = Mix(main, SKColors.White, 0.3f) };
        using (var builder = new SKPathBuilder())
        {
            builder.MoveTo(232, 200);
            builder.LineTo(520, 200);
            builder.LineTo(578, 150);
            builder.LineTo(290, 150);
            builder.Close();
            using var path = builder.Detach();
            canvas.DrawPath(path, top);
        }
        using var side = new SKPaint { IsAntialias = true, Color = Darken(main, 0.22f) };
        using (var builder = new SKPathBuilder())
        {
            builder.MoveTo(520, 200);
            builder.LineTo(578, 150);
            builder.LineTo(578, 452);
            builder.LineTo(520, 500);
            builder.Close();
            using var path = builder.Detach();
            canvas.DrawPath(path, side);
        }
        using var band = new SKPaint { IsAntialias = true, Color = Darken(main, 0.12f) };
        canvas.DrawRect(new SKRect(232, 228, 520, 244), band);
        canvas.DrawRect(new SKRect(232, 452, 520, 468), band);
    }

    private static void DrawLeafParcel(SKCanvas canvas)
    {
        var leaf = new SKColor(0x4E, 0x9A, 0x3F);
        var body = new SKRect(230, 150, 570, 480);
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(body.Left, 0), new SKPoint(body.Right, 0),
                   [Mix(leaf, SKColors.White, 0.15f), Darken(leaf, 0.15f)], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { IsAntialias = true, Shader = shader })
        {
            canvas.DrawRoundRect(body, 60, 60, paint);
        }
        using var vein = new SKPaint { IsAntialias = true, Color = Mix(leaf, SKColors.White, 0.35f), StrokeWidth = 3, Style = SKPaintStyle.Stroke };
        for (var y = 175f; y < 470f; y += 26) canvas.DrawLine(body.Left + 24, y, body.Right - 24, y - 10, vein);
        using var fold = new SKPaint { IsAntialias = true, Color = Darken(leaf, 0.25f) };
        using (var builder = new SKPathBuilder())
        {
            builder.MoveTo(body.Left + 20, body.Top + 30);
            builder.LineTo(CenterX, body.Top + 110);
            builder.LineTo(body.Right - 20, body.Top + 30);
            builder.LineTo(body.Right - 20, body.Top + 54);
            builder.LineTo(CenterX, body.Top + 134);
            builder.LineTo(body.Left + 20, body.Top + 54);
            builder.Close();
            using var path = builder.Detach();
            canvas.DrawPath(path, fold);
        }
        using var twine = new SKPaint { IsAntialias = true, Color = new SKColor(0x9C, 0x6B, 0x3C), StrokeWidth = 8, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(CenterX, body.Top - 6, CenterX, body.Bottom + 6, twine);
    }

    /// <summary>Fills a package's outline with its colour, lit from the left.</summary>
    private static void FillBody(SKCanvas canvas, SKPath path, SKColor main)
    {
        var bounds = path.Bounds;
        using var shader = SKShader.CreateLinearGradient(new SKPoint(bounds.Left, 0), new SKPoint(bounds.Right, 0),
            [Mix(main, SKColors.White, 0.18f), main, Darken(main, 0.2f)], [0f, 0.45f, 1f], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { IsAntialias = true, Shader = shader };
        canvas.DrawPath(path, paint);
    }

    /// <summary>A white label with the brand, the product name (wrapped, shrunk to fit) and the net quantity.</summary>
    private static void DrawLabel(SKCanvas canvas, SKPoint center, float width, SKColor main, string name, string? brand, string? quantity)
    {
        const float padding = 18;
        var textWidth = width - 2 * padding;
        using var nameFont = new SKFont(Bold.Value, 40) { Subpixel = true };
        var lines = Wrap(name, nameFont, textWidth, maxLines: 3);
        using var smallFont = new SKFont(Regular.Value, 21) { Subpixel = true };
        var brandText = brand is null ? null : Ellipsize(brand, smallFont, textWidth);

        var nameLineHeight = nameFont.Size * 1.18f;
        var height = padding * 2 + lines.Count * nameLineHeight + (brandText is null ? 0 : 30) + (quantity is null ? 0 : 30);
        var rect = new SKRect(center.X - width / 2, center.Y - height / 2, center.X + width / 2, center.Y + height / 2);

        using (var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 4))
        using (var shadow = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(40), MaskFilter = blur })
        {
            canvas.DrawRoundRect(new SKRect(rect.Left, rect.Top + 4, rect.Right, rect.Bottom + 4), 16, 16, shadow);
        }
        using (var paper = new SKPaint { IsAntialias = true, Color = new SKColor(0xFF, 0xFD, 0xF7) })
        {
            canvas.DrawRoundRect(rect, 16, 16, paper);
        }
        using (var border = new SKPaint { IsAntialias = true, Color = main, Style = SKPaintStyle.Stroke, StrokeWidth = 4 })
        {
            canvas.DrawRoundRect(SKRect.Inflate(rect, -7, -7), 11, 11, border);
        }

        var y = rect.Top + padding;
        if (brandText is not null)
        {
            using var brandPaint = new SKPaint { IsAntialias = true, Color = Darken(main, 0.3f) };
            canvas.DrawText(brandText, center.X, y + 22, SKTextAlign.Center, smallFont, brandPaint);
            y += 30;
        }
        using (var ink = new SKPaint { IsAntialias = true, Color = new SKColor(0x26, 0x26, 0x26) })
        {
            foreach (var line in lines)
            {
                canvas.DrawText(line, center.X, y + nameFont.Size * 0.95f, SKTextAlign.Center, nameFont, ink);
                y += nameLineHeight;
            }
        }
        if (quantity is not null)
        {
            using var grey = new SKPaint { IsAntialias = true, Color = new SKColor(0x5A, 0x5A, 0x5A) };
            canvas.DrawText(quantity, center.X, y + 24, SKTextAlign.Center, smallFont, grey);
        }
    }

    /// <summary>"Ilustrasi" in a corner: the picture is drawn, not photographed.</summary>
    private static void DrawTag(SKCanvas canvas)
    {
        const string text = "Ilustrasi";
        using var font = new SKFont(Regular.Value, 22) { Subpixel = true };
        var width = font.MeasureText(text);
        var rect = new SKRect(20, Height - 56, 20 + width + 28, Height - 20);
        using var pill = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(215) };
        canvas.DrawRoundRect(rect, 18, 18, pill);
        using var ink = new SKPaint { IsAntialias = true, Color = new SKColor(0x44, 0x44, 0x44) };
        canvas.DrawText(text, rect.Left + 14, rect.Bottom - 11, SKTextAlign.Left, font, ink);
    }

    /// <summary>Greedy word wrap at the font's size, shrinking the font until the text fits in <paramref name="maxLines"/>.</summary>
    private static List<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        while (true)
        {
            var lines = new List<string>();
            var current = new StringBuilder();
            var fits = true;
            foreach (var word in words)
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    current.Clear().Append(candidate);
                    continue;
                }
                if (current.Length > 0) lines.Add(current.ToString());
                current.Clear().Append(word);
                if (font.MeasureText(word) > width) fits = false;
            }
            if (current.Length > 0) lines.Add(current.ToString());
            if ((fits && lines.Count <= maxLines) || font.Size <= 20)
            {
                var kept = lines.Take(maxLines).Select(l => Ellipsize(l, font, width)).ToList();
                if (lines.Count <= maxLines) return kept;
                kept[^1] = Ellipsize(kept[^1] + " …", font, width);
                return kept;
            }
            font.Size -= 2;
        }
    }

    private static string Ellipsize(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var trimmed = text.TrimEnd(' ', '…');
        while (trimmed.Length > 1 && font.MeasureText(trimmed + "…") > width) trimmed = trimmed[..^1].TrimEnd();
        return trimmed + "…";
    }

    /// <summary>The typeface the label text is set in.</summary>
    internal static SKTypeface Typeface(bool bold) => bold ? Bold.Value : Regular.Value;

    private static SKTypeface LoadFont(string file)
    {
        using var stream = typeof(DemoProductArt).Assembly.GetManifestResourceStream("Sentra.Fonts." + file)
            ?? throw new InvalidOperationException($"Font {file} is not embedded (Infrastructure/Fonts).");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Font {file} could not be read.");
    }

    private static SKColor Mix(SKColor a, SKColor b, float t) => new(
        (byte)Math.Round(a.Red + (b.Red - a.Red) * t), (byte)Math.Round(a.Green + (b.Green - a.Green) * t),
        (byte)Math.Round(a.Blue + (b.Blue - a.Blue) * t), a.Alpha);

    private static SKColor Darken(SKColor c, float t) => Mix(c, SKColors.Black, t);

    /// <summary>The colour with its hue turned by <paramref name="degrees"/>: neighbours in a category differ a little.</summary>
    private static SKColor Shift(SKColor c, int degrees)
    {
        c.ToHsl(out var h, out var s, out var l);
        return SKColor.FromHsl((h + degrees + 360) % 360, s, l, c.Alpha);
    }

    /// <summary>FNV-1a over UTF-8: unlike <see cref="string.GetHashCode()"/>, the same in every process.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash == 0 ? 1u : hash;
    }

    /// <summary>A tiny deterministic generator (xorshift32); <see cref="Random"/> with a seed may change between .NET versions.</summary>
    private sealed class Xorshift(uint seed)
    {
        private uint _state = seed;

        /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>).</summary>
        public int Next(int min, int max)
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            return min + (int)(_state % (uint)(max - min));
        }
    }
}
