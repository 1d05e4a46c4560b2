using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Sentra.Tests.Catalog;

namespace Sentra.BrowserTests.Accessibility;

/// <summary>
/// axe-core (vendored in Accessibility/axe, see VERSION) finds no WCAG 2.0/2.1/2.2 A/AA or best-practice
/// violations on the public pages, at a phone's viewport, after the page's own scripts have run (the
/// map included). The pages come from <see cref="PublicPageList"/>: a new public page added there is
/// checked here too.
/// </summary>
public sealed class AxeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    // A 1×1 transparent PNG: map tiles are served locally, this machine reaches no tile server.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe", "axe.min.js")));

    /// <summary>The public pages, and pages a visitor meets on the way (signing in).</summary>
    public static TheoryData<string> Pages => PublicPageList.Theory("/account/login");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_accessibility_violations(string page)
    {
        var url = await PublicPageList.ResolveAsync(fixture.App, page);
        // The site's CSP has no unsafe-inline, so injecting axe needs the CSP bypassed — in this context only.
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
            BypassCSP = true,
        });
        var tab = await context.NewPageAsync();
        await tab.RouteAsync("**/tile.openstreetmap.org/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile }));
        var response = await tab.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.NotNull(response);
        Assert.True(response.Ok || url.StartsWith("/v/", StringComparison.Ordinal), $"{url} answered {response.Status}");

        await tab.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        var violations = await tab.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary }))
              }));
            }
            """, Tags);

        Assert.True(violations.GetArrayLength() == 0, $"axe found violations on {url}:\n{Describe(violations)}");
    }

    private static string Describe(JsonElement violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations.EnumerateArray())
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} <{v.GetProperty("helpUrl").GetString()}>");
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node.GetProperty("target").GetString()}: {node.GetProperty("summary").GetString()?.ReplaceLineEndings(" ")}");
        }
        return text.ToString();
    }
}
