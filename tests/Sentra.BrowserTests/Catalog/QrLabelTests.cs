using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sentra.Tests.Catalog;
using Sentra.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Catalog;

public sealed class QrLabelTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_owner_downloads_qr_labels_for_packaging_from_a_phone()
    {
        var page = await fixture.SignedInPhonePageAsync(DemoAccounts.OwnerOne);
        await Expect(page).ToHaveURLAsync(new Regex("/my$"));

        await page.GetByTestId("my-qr-labels").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/registry/businesses/[0-9]+/qr-labels$"));
        var rows = page.GetByTestId("labels-product");
        Assert.True(await rows.CountAsync() >= 2);
        // Nothing sticks out sideways on a 360 px screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        // Only the first product, and first a number of labels that is too large.
        for (var i = 1; i < await rows.CountAsync(); i++) await rows.Nth(i).GetByTestId("labels-select").UncheckAsync();
        var name = (await rows.First.Locator("label.check").InnerTextAsync()).Trim();
        await rows.First.GetByTestId("labels-copies").FillAsync("100");
        await page.GetByTestId("labels-download").ClickAsync();
        await Expect(page.GetByTestId("labels-copies-error").First).ToHaveTextAsync("Jumlah label harus antara 1 dan 48.");

        await page.GetByTestId("labels-product").First.GetByTestId("labels-copies").FillAsync("3");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("labels-download").ClickAsync());
        Assert.Matches("^qr-labels-.+[.]pdf$", download.SuggestedFilename);
        var path = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var sheet = Assert.Single(PdfText.Pages(pdf));
        Assert.Equal(3, Regex.Count(sheet, "Pindai untuk cek izin & halal"));
        Assert.Contains(name, sheet);
    }
}
