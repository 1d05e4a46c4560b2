using Sentra.Web.Features.Demo;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Web.Infrastructure.Startup;

/// <summary>
/// Refuses to start Production with an unsafe configuration: demo accounts on, or the personal-data
/// keys left at their published development values. Each problem is one line naming the setting.
/// </summary>
public static class StartupChecks
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        if (!environment.IsProduction()) return problems;
        if (configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled"))
            problems.Add("Sentra__Demo__Enabled: demo accounts and data must be off in Production.");
        var baseUrl = configuration["Sentra:PublicBaseUrl"];
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Add("Sentra__PublicBaseUrl: set the site's public address (e.g. https://sentra.depok.go.id); shared links, QR codes and the sitemap use it.");
        var pd = configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>() ?? new PersonalDataOptions();
        if (string.IsNullOrWhiteSpace(pd.EncryptionKey) || pd.EncryptionKey == PersonalDataOptions.DevelopmentEncryptionKey)
            problems.Add("Sentra__PersonalData__EncryptionKey: set a secret key of 32 random bytes in Base64 (not the development default).");
        if (string.IsNullOrWhiteSpace(pd.HashKey) || pd.HashKey == PersonalDataOptions.DevelopmentHashKey)
            problems.Add("Sentra__PersonalData__HashKey: set a secret key of at least 32 random bytes in Base64 (not the development default).");
        return problems;
    }
}
