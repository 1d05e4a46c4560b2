using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Sentra.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Catalog;

/// <summary>
/// The Godong Ijo park's site embeds the Pondok Petir widget with the one script tag. The partner site is a
/// second tiny Kestrel on another port, so another origin: Chromium shows the frame only once the office lists it.
/// </summary>
public sealed class PartnerWidgetTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WebApplication _partner = null!;
    private string _partnerOrigin = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _partner = builder.Build();
        var script = $"{fixture.BaseUrl}/en/embed/sentra/{DemoSeeder.ClusterSlug}.js";
        _partner.MapGet("/", () => Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Godong Ijo</title></head><body>" +
            $"<h1>Godong Ijo education park</h1><p>Snacks from our neighbours:</p><script src=\"{script}\"></script><p id=\"after\">Visit us.</p></body></html>",
            "text/html; charset=utf-8"));
        await _partner.StartAsync();
        _partnerOrigin = _partner.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync() => await _partner.DisposeAsync();

    private async Task<IPage> PartnerPageAsync(List<string> consoleErrors)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        return page;
    }

    [Fact]
    public async Task The_widget_shows_on_a_partner_site_only_after_the_office_lists_its_origin()
    {
        Assert.NotEqual(new Uri(fixture.BaseUrl).Port, new Uri(_partnerOrigin).Port);
        int clusterId;
        await using (var db = fixture.App.NewDbContext())
        {
            var cluster = await db.Clusters.SingleAsync(c => c.Slug == DemoSeeder.ClusterSlug);
            Assert.Null(cluster.EmbedOrigins);
            clusterId = cluster.Id;
        }

        // Not listed: the script inserts the frame, and Chromium refuses to show the widget in it.
        var errors = new List<string>();
        var blocked = await PartnerPageAsync(errors);
        var refused = blocked.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("frame-ancestors", StringComparison.Ordinal) });
        await blocked.GotoAsync(_partnerOrigin + "/");
        var frameElement = blocked.Locator("iframe[data-sentra-widget]");
        await Expect(frameElement).ToHaveCountAsync(1);
        await refused;
        Assert.Contains(errors, e => e.Contains("frame-ancestors 'self'", StringComparison.Ordinal));
        var frame = await (await frameElement.ElementHandleAsync()).ContentFrameAsync();
        Assert.NotNull(frame);
        Assert.Equal(0, await frame.Locator("[data-testid=widget-product]").CountAsync());
        Assert.DoesNotContain(DemoSeeder.ClusterSlug, frame.Url, StringComparison.Ordinal);

        // An officer lists the park's site on the sentra's page, where the snippet to paste is shown.
        var officer = await fixture.SignedInPhonePageAsync(DemoAccounts.Officer);
        await Expect(officer).ToHaveURLAsync(new Regex("/account$"));
        await officer.GotoAsync($"/registry/clusters/{clusterId}/edit");
        await Expect(officer.GetByTestId("embed-no-origins")).ToBeVisibleAsync();
        await officer.GetByTestId("embed-origins").FillAsync(_partnerOrigin.ToUpperInvariant() + "/");
        await officer.GetByTestId("save-cluster").ClickAsync();
        await Expect(officer.GetByTestId("cluster-message")).ToBeVisibleAsync();
        await officer.GotoAsync($"/registry/clusters/{clusterId}/edit");
        await Expect(officer.GetByTestId("embed-origin-list")).ToHaveTextAsync(_partnerOrigin);
        await Expect(officer.GetByTestId("embed-script")).ToHaveValueAsync($"<script src=\"{fixture.BaseUrl}/embed/sentra/{DemoSeeder.ClusterSlug}.js\"></script>");
        // The preview on the office's own page is framed by the site itself (a lazy frame: scroll to it, as the officer would).
        await officer.GetByTestId("embed-preview").ScrollIntoViewIfNeededAsync();
        await Expect(officer.FrameLocator("[data-testid=embed-preview]").GetByTestId("widget-product").First).ToBeVisibleAsync();

        // Listed: the same page now shows the products, in English as the partner's script asked, links opening a new tab.
        var shownErrors = new List<string>();
        var shown = await PartnerPageAsync(shownErrors);
        await shown.GotoAsync(_partnerOrigin + "/");
        var widget = shown.FrameLocator("iframe[data-sentra-widget]");
        await Expect(widget.GetByTestId("widget-product").First).ToBeVisibleAsync();
        Assert.InRange(await widget.GetByTestId("widget-product").CountAsync(), 1, 8);
        await Expect(widget.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(widget.GetByTestId("widget-sentra")).ToHaveAttributeAsync("target", "_blank");
        var link = widget.GetByTestId("widget-product").First.Locator("a");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener");
        await Expect(link).ToHaveAttributeAsync("href", new Regex("^" + Regex.Escape(fixture.BaseUrl) + "/en/products/[a-z0-9-]+-[0-9]+$"));
        // The frame sits where the script tag stood, across the page's width at the widget's height.
        Assert.True(await shown.EvaluateAsync<bool>("() => document.querySelector('iframe[data-sentra-widget]').nextElementSibling.tagName === 'SCRIPT'"));
        var box = await shown.Locator("iframe[data-sentra-widget]").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(330, box.Height, 0.5);
        Assert.True(box.Width > 900);
        Assert.DoesNotContain(shownErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));

        // Clicking a product opens its page in a new tab.
        var popup = await shown.Context.RunAndWaitForPageAsync(() => link.ClickAsync());
        await Expect(popup).ToHaveURLAsync(new Regex("/en/products/"));
        await Expect(popup.GetByTestId("product-name")).ToBeVisibleAsync();
    }
}
