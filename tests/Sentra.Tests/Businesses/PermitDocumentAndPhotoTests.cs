using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Tests.Infrastructure.Files;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Businesses;

/// <summary>Scanned permit documents and photos of the business itself, through the API, the download URL and the business page.</summary>
public sealed class PermitDocumentAndPhotoTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private async Task<HttpClient> As(string email) => App.WithToken(await App.TokenAsync(email));

    /// <summary>A minimal PDF as a scanner writes one: header, body, and the %%EOF trailer the checker looks for.</summary>
    private static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n% {marker}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static MultipartFormDataContent FileForm(byte[] bytes, string fileName, string contentType, string field = "file")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, field, fileName } };
    }

    private async Task<(int Id, string Number)> PirtPermitAsync(int businessId)
    {
        await using var db = App.NewDbContext();
        var permit = await db.Permits.Where(p => p.BusinessId == businessId && p.Kind == PermitKind.Pirt).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Number }).FirstAsync();
        return (permit.Id, permit.Number);
    }

    private async Task<Guid?> DocumentOfAsync(int permitId)
    {
        await using var db = App.NewDbContext();
        return await db.Permits.Where(p => p.Id == permitId).Select(p => p.DocumentFileId).SingleAsync();
    }

    [Fact]
    public async Task Officer_attaches_a_pdf_that_only_staff_and_the_businesss_owners_can_open()
    {
        var officer = await As(DemoAccounts.Officer);
        var business = await RegistryTestData.OwnerOneBusinessAsync(App);
        var (permitId, number) = await PirtPermitAsync(business);
        var pdf = Pdf("first");

        using (var form = FileForm(pdf, "izin.pdf", "application/pdf"))
        {
            var attached = await officer.PostAsync($"/api/v1/businesses/{business}/permits/{permitId}/document", form);
            Assert.True(attached.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await attached.Content.ReadAsStringAsync());
            var body = await attached.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.GetProperty("hasDocument").GetBoolean());
        }
        var first = await DocumentOfAsync(permitId);
        Assert.NotNull(first);

        var url = $"/registry/businesses/{business}/permits/{permitId}/document";
        var download = await officer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"pirt-{number}.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(download.Headers.CacheControl?.NoStore);
        Assert.True(download.Headers.CacheControl?.Private);

        // The business's own owner may open it; another owner, and anyone signed out, may not even learn it exists.
        Assert.Equal(HttpStatusCode.OK, (await (await As(DemoAccounts.OwnerOne)).GetAsync(url)).StatusCode);
        var otherOwner = await (await As(DemoAccounts.OwnerTwo)).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, otherOwner.StatusCode);
        Assert.NotEqual("application/pdf", otherOwner.Content.Headers.ContentType?.MediaType);
        var anonymous = await App.Browser().GetAsync(url);
        Assert.Contains(anonymous.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound });
        Assert.NotEqual("application/pdf", anonymous.Content.Headers.ContentType?.MediaType);
        // A permit of another business under this business's URL is not served either.
        var (otherPermit, _) = await PirtPermitAsync(await RegistryTestData.OwnerTwoBusinessAsync(App));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/registry/businesses/{business}/permits/{otherPermit}/document")).StatusCode);

        // A new scan replaces the old one, whose row is deleted.
        var second = Pdf("second");
        using (var form = FileForm(second, "izin-baru.pdf", "application/pdf"))
            Assert.True((await officer.PostAsync($"/api/v1/businesses/{business}/permits/{permitId}/document", form)).IsSuccessStatusCode);
        var replaced = await DocumentOfAsync(permitId);
        Assert.NotEqual(first, replaced);
        await using (var db = App.NewDbContext())
        {
            Assert.False(await db.StoredFiles.AnyAsync(f => f.Id == first));
            Assert.True(await db.StoredFiles.AnyAsync(f => f.Id == replaced));
        }
        Assert.Equal(second, await officer.GetByteArrayAsync(url));

        // Removing it leaves the permit without a document and deletes the file.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/businesses/{business}/permits/{permitId}/document")).StatusCode);
        Assert.Null(await DocumentOfAsync(permitId));
        await using (var db = App.NewDbContext()) Assert.False(await db.StoredFiles.AnyAsync(f => f.Id == replaced));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("text")]
    public async Task Files_that_are_not_pdf_jpeg_or_png_are_refused_in_indonesian(string kind)
    {
        var officer = await As(DemoAccounts.Officer);
        var business = await RegistryTestData.OwnerOneBusinessAsync(App);
        var (permitId, _) = await PirtPermitAsync(business);
        var before = await DocumentOfAsync(permitId);
        byte[] bytes = kind == "zip"
            ? [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, .. "izin.pdf"u8.ToArray(), 0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0]
            : "Ini bukan dokumen izin, hanya teks biasa.\n%%EOF"u8.ToArray();

        // Named and declared as a PDF: only the content counts.
        using var form = FileForm(bytes, "izin.pdf", "application/pdf");
        var response = await officer.PostAsync($"/api/v1/businesses/{business}/permits/{permitId}/document", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Dokumen harus berupa PDF, JPEG, atau PNG.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await DocumentOfAsync(permitId));
    }

    [Fact]
    public async Task A_png_scan_is_stored_re_encoded_as_jpeg()
    {
        var officer = await As(DemoAccounts.Officer);
        var business = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var (permitId, number) = await PirtPermitAsync(business);
        using var bitmap = TestImages.Photo(400, 300);
        using var form = FileForm(TestImages.Png(bitmap), "scan.png", "image/png");
        var response = await officer.PostAsync($"/api/v1/businesses/{business}/permits/{permitId}/document", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        await using (var db = App.NewDbContext())
        {
            var fileId = await db.Permits.Where(p => p.Id == permitId).Select(p => p.DocumentFileId).SingleAsync();
            var file = await db.StoredFiles.SingleAsync(f => f.Id == fileId);
            Assert.Equal("image/jpeg", file.ContentType);
            Assert.Equal([0xFF, 0xD8, 0xFF], file.Bytes[..3]);
            Assert.Equal(file.Bytes.Length, file.Length);
        }
        var download = await officer.GetAsync($"/registry/businesses/{business}/permits/{permitId}/document");
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"pirt-{number}.jpg", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task The_owner_adds_a_photo_of_the_business_that_is_public_once_verified()
    {
        var owner = await As(DemoAccounts.OwnerOne);
        var business = await RegistryTestData.OwnerOneBusinessAsync(App);
        using var bitmap = TestImages.Photo(1200, 900);
        using var form = FileForm(TestImages.Jpeg(bitmap), "warung.jpg", "image/jpeg");
        var uploaded = await owner.PostAsync($"/api/v1/businesses/{business}/photos", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var photoId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        await using (var db = App.NewDbContext())
        {
            var photo = await db.Photos.Include(p => p.Files).SingleAsync(p => p.Id == photoId);
            Assert.Null(photo.ProductId);
            Assert.Equal(business, photo.BusinessId);
            Assert.Contains(photo.Files, f => f.Name == "w320.webp" && f.Width == 320);
        }
        var detail = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{business}");
        Assert.Contains(detail.GetProperty("photos").EnumerateArray(), p => p.GetProperty("id").GetInt32() == photoId);

        // The demo business is verified: anyone may fetch the thumbnail.
        var thumb = await App.CreateClient().GetAsync($"/media/photos/{photoId}/w320.webp");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/webp", thumb.Content.Headers.ContentType?.MediaType);

        // Another owner cannot remove it; the owner can.
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(DemoAccounts.OwnerTwo)).DeleteAsync($"/api/v1/businesses/{business}/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/businesses/{business}/photos/{photoId}")).StatusCode);
        await using (var db = App.NewDbContext())
        {
            Assert.False(await db.Photos.AnyAsync(p => p.Id == photoId));
            Assert.False(await db.StoredFiles.AnyAsync(f => f.PhotoId == photoId));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync($"/media/photos/{photoId}/w320.webp")).StatusCode);
    }

    [Fact]
    public async Task Photos_of_a_draft_business_stay_private_and_are_limited_to_six()
    {
        var officer = await As(DemoAccounts.Officer);
        var created = await officer.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Foto Draf"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var business = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var ids = new List<int>();
        for (var i = 0; i < BusinessService.MaxBusinessPhotos; i++)
        {
            using var bitmap = TestImages.Photo(400, 300, seed: i + 1);
            using var form = FileForm(TestImages.Jpeg(bitmap), $"foto{i}.jpg", "image/jpeg");
            var response = await officer.PostAsync($"/api/v1/businesses/{business}/photos", form);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }
        using (var bitmap = TestImages.Photo(400, 300, seed: 99))
        using (var form = FileForm(TestImages.Jpeg(bitmap), "satu-lagi.jpg", "image/jpeg"))
        {
            var seventh = await officer.PostAsync($"/api/v1/businesses/{business}/photos", form);
            Assert.Equal(HttpStatusCode.BadRequest, seventh.StatusCode);
            Assert.True((await seventh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photo", out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync($"/media/photos/{ids[0]}/w320.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(DemoAccounts.OwnerTwo)).GetAsync($"/media/photos/{ids[0]}/w320.webp")).StatusCode);
        var own = await officer.GetAsync($"/media/photos/{ids[0]}/w320.webp");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(own.Headers.CacheControl?.Private);
    }

    [Fact]
    public async Task Documents_and_photos_are_uploaded_with_the_forms_on_the_business_page()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var business = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var (permitId, _) = await PirtPermitAsync(business);
        var url = $"/registry/businesses/{business}";
        var page = await officer.GetStringAsync(url);
        Assert.Contains("data-testid=\"permit-document-form\"", page);
        Assert.Contains("data-testid=\"business-photo-form\"", page);

        // A refused file is named next to the field, in Indonesian, and nothing changes.
        var before = await DocumentOfAsync(permitId);
        var refused = await PostFileAsync(officer, url, "PermitDocument", "document", "izin.pdf", "hanya teks"u8.ToArray(),
            new() { ["permitId"] = permitId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-testid=\"permit-document-error\">Dokumen harus berupa PDF, JPEG, atau PNG.<", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await DocumentOfAsync(permitId));

        var pdf = Pdf("page");
        var saved = await PostFileAsync(officer, url, "PermitDocument", "document", "izin.pdf", pdf,
            new() { ["permitId"] = permitId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await officer.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains($"href=\"/registry/businesses/{business}/permits/{permitId}/document\"", after);
        Assert.Equal(pdf, await officer.GetByteArrayAsync($"/registry/businesses/{business}/permits/{permitId}/document"));

        using var bitmap = TestImages.Photo(800, 600);
        var photo = await PostFileAsync(officer, url, "Photo", "photo", "warung.jpg", TestImages.Jpeg(bitmap), []);
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        var withPhoto = await officer.GetStringAsync(url);
        Assert.Matches("<img src=\"/media/photos/[0-9]+/w320.webp\" alt=\"\" width=\"160\" height=\"120\" loading=\"lazy\" data-testid=\"business-photo\">", withPhoto);

        var notPhoto = await PostFileAsync(officer, url, "Photo", "photo", "warung.jpg", Pdf("not a photo"), []);
        Assert.Equal(HttpStatusCode.OK, notPhoto.StatusCode);
        Assert.Contains("Berkas ini bukan foto.", await notPhoto.Content.ReadAsStringAsync());

        // Without the antiforgery token the form is refused.
        using var forged = FileForm(Pdf("forged"), "izin.pdf", "application/pdf", field: "document");
        forged.Add(new StringContent(permitId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "permitId");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync(url + "?handler=PermitDocument", forged)).StatusCode);

        // A leader reads the page without upload forms.
        var leaderPage = await (await App.SignedInAsync(DemoAccounts.Leader)).GetStringAsync(url);
        Assert.DoesNotContain("data-testid=\"permit-document-form\"", leaderPage);
        Assert.DoesNotContain("data-testid=\"business-photo-form\"", leaderPage);
        Assert.Contains("data-testid=\"permit-document\"", leaderPage);
    }

    /// <summary>Posts a multipart form from the business page with its antiforgery token, as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string handler, string field, string fileName,
        byte[] bytes, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(SentraApp.AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        return await client.PostAsync($"{url}?handler={handler}", form);
    }
}
