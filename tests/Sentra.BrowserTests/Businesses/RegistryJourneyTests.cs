using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sentra.Tests.Infrastructure.Files;
using Sentra.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Businesses;

public sealed class RegistryJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_edits_a_product_and_adds_a_photo_from_a_phone()
    {
        var page = await fixture.SignedInPhonePageAsync(DemoAccounts.OwnerOne);
        await Expect(page).ToHaveURLAsync(new Regex("/my$"));
        await page.GetByTestId("my-businesses").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByTestId("business-title")).ToHaveTextAsync(DemoData.Businesses[0].Name);
        await page.Locator("ul.cards li a[href*='/registry/products/']").First.ClickAsync();

        await page.GetByTestId("product-price").FillAsync("-5");
        await page.GetByTestId("save-product").ClickAsync();
        await Expect(page.GetByTestId("price-error")).ToContainTextAsync("tidak boleh negatif");

        await page.GetByTestId("product-price").FillAsync("18500");
        await page.GetByTestId("save-product").ClickAsync();
        await Expect(page.GetByTestId("product-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("product-price")).ToHaveValueAsync("18500");

        // A phone photo, 2400×1800 JPEG: it is resized into thumbnails, shown right away after the demo's drawn picture.
        var photos = page.GetByTestId("product-photo");
        var before = await photos.CountAsync();
        using var bitmap = TestImages.Photo(2400, 1800);
        await page.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(bitmap) });
        await page.GetByTestId("upload-photo").ClickAsync();
        if (await photos.CountAsync() != before + 1) await page.WaitForTimeoutAsync(500);
        Assert.True(await photos.CountAsync() == before + 1, await page.Locator("main").InnerTextAsync());
        var photo = photos.Last;
        await Expect(photo).ToBeVisibleAsync();
        // The thumbnail loads lazily: bring it into view and wait until the browser has decoded it.
        await photo.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const all = document.querySelectorAll('[data-testid=product-photo]'); const i = all[all.length - 1]; return i && i.complete && i.naturalWidth > 0; }");
        var natural = await photo.EvaluateAsync<int>("img => img.naturalWidth");
        Assert.Equal(320, natural);

        // Something that is not a photo is refused next to the field.
        await page.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = "nota.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("bukan foto") });
        await page.GetByTestId("upload-photo").ClickAsync();
        await Expect(page.GetByTestId("photo-error")).ToContainTextAsync("bukan foto");
    }

    [Fact]
    public async Task Officer_imports_a_messy_spreadsheet_through_the_dry_run()
    {
        var page = await fixture.SignedInPhonePageAsync(DemoAccounts.Officer);
        await page.GotoAsync("/registry/import");
        var csv = string.Join("\n",
            "Data IKM Pondok Petir;;",
            "No;Nama Usaha;Nama Pemilik;NIK;Jenis Kelamin;Kelurahan;Kecamatan;No HP;Nilai Investasi;Omzet per Tahun;KBLI",
            "1;Basreng Pedas Mang Oji;Oji Supriadi;3276110203800005;Laki-laki;Pd. Petir;Bojongsari;0812-7777-0001;Rp 7.500.000;1,5 juta;10794",
            "2;Seblak Kering Teh Nia;Nia Kurnia;3,27611E+15;P;Pondok Petir;Bojongsari;62812-7777-0002;2.000.000;;10794",
            "",
            "3;Kue Semprong Bu Tati;Tati;3276114404750003;Wanita;Kel. Pondok Petir;;0812 7777 0003;3 jt;96 juta;10710");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "ikm.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByTestId("import-submit").ClickAsync();

        await Expect(page.GetByTestId("import-summary")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("count-create")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("count-reject")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("import-problems")).ToContainTextAsync("notasi ilmiah");
        await Expect(page.GetByTestId("import-problems").Locator("tr", new() { HasText = "NIK" })).ToContainTextAsync("5");

        await page.GetByTestId("import-commit").ClickAsync();
        await Expect(page.GetByTestId("import-done")).ToContainTextAsync("2 usaha ditambahkan", new() { Timeout = 30_000 });

        await page.GotoAsync("/registry/businesses?q=Basreng");
        await Expect(page.GetByTestId("business-table")).ToContainTextAsync("Basreng Pedas Mang Oji");
        await Expect(page.GetByTestId("business-table")).ToContainTextAsync("Draf");
    }
}
