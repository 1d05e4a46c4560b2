using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Web.Data;
using Sentra.Web.Features.Demo;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Infrastructure;

/// <summary>
/// Sentra in a test host on its own database (see <see cref="TestDatabase"/>), with the demo sentra,
/// e-mail written to a pickup folder the test can read, and the "Testing" environment (so error
/// pages look as they do in production).
/// </summary>
public sealed partial class SentraApp(string connectionString) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"sentra-mail-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string?> _settings = [];

    /// <summary>Overrides one configuration value; call before the first request.</summary>
    public SentraApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // wwwroot as built, with the compressed copies the build makes (published apps carry them in wwwroot).
        builder.UseStaticWebAssets();
        builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
        builder.UseSetting("Database:Provider", TestDatabase.IsPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Sentra", ConnectionString);
        builder.UseSetting("Sentra:Demo:Enabled", "true");
        builder.UseSetting("Sentra:Email:Mode", "Pickup");
        builder.UseSetting("Sentra:Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Sentra:PersonalData:EncryptionKey", PersonalDataOptions.DevelopmentEncryptionKey);
        builder.UseSetting("Sentra:PersonalData:HashKey", PersonalDataOptions.DevelopmentHashKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public AppDbContext NewDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login page, as a person would; returns the signed-in client.</summary>
    public async Task<HttpClient> SignedInAsync(string login, string password = DemoAccounts.Password)
    {
        var client = Browser();
        var response = await PostFormAsync(client, "/account/login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {login} failed: {(int)response.StatusCode}");
        return client;
    }

    public async Task<string> TokenAsync(string email, string password = DemoAccounts.Password)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public sealed record TokenBody(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    /// <summary>Loads the form page, takes its antiforgery token and posts the fields, like a browser.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields,
        string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public string[] Mails() => Directory.Exists(MailDirectory)
        ? Directory.GetFiles(MailDirectory, "*.eml").Select(File.ReadAllText).ToArray()
        : [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(MailDirectory)) Directory.Delete(MailDirectory, recursive: true);
    }
}

/// <summary>One app on its own database copy, shared by the tests of one class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public SentraApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = new SentraApp(await TestDatabase.CreateAsync());

    public async Task DisposeAsync() => await App.DisposeAsync();
}
