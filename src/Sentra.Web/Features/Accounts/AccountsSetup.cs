using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Sentra:Accounts";
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int InvitationDays { get; set; } = 7;
    public int AccessTokenMinutes { get; set; } = 60;
}

public static class AccountsSetup
{
    /// <summary>Cookie sign-in for people, bearer tokens for programs; Identity stores users in the Sentra database.</summary>
    public static IServiceCollection AddSentraAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SentraScheme;
                o.DefaultChallengeScheme = SentraScheme;
            })
            .AddPolicyScheme(SentraScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(options.AccessTokenMinutes))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sentra.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Programs get status codes, not redirects to the login page.
            o.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Status(context.Response, 401) : Redirect(context);
            o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? Status(context.Response, 403) : Redirect(context);
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                o.User.RequireUniqueEmail = false; // owners often have no e-mail; uniqueness is checked when one is given
                // Consults ActiveAccountConfirmation: disabled accounts and open invitations cannot sign in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.Name)
            .AddClaimsPrincipalFactory<SentraClaimsFactory>();
        services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationTokenProvider.Name;
            o.TokenLifespan = TimeSpan.FromDays(options.InvitationDays);
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<IUserConfirmation<AppUser>, ActiveAccountConfirmation>();
        services.AddScoped<AccountService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Users.UserInvitations>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Admin, Roles.Officer))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Officer, Roles.Leader))
            .AddPolicy(Policies.Inviter, p => p.RequireRole(Roles.Admin, Roles.Officer));
        return services;
    }

    public const string SentraScheme = "Sentra";

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the office, region and display name to the signed-in principal.</summary>
public sealed class SentraClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SentraClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(SentraClaims.DisplayName, user.DisplayName));
        if (user.OfficeId is { } office) identity.AddClaim(new Claim(SentraClaims.OfficeId, office.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>An account may sign in only while it is active and has a password (its invitation was accepted).</summary>
public sealed class ActiveAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(user.IsActive && user.PasswordHash is not null);
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>One-time invitation links: valid for days rather than hours, void once a password is set.</summary>
public sealed class InvitationTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public new const string Name = "Invitation";
    public const string Purpose = "Invite";
}

public static class ClaimsPrincipalExtensions
{
    public static string RegionScope(this ClaimsPrincipal user) => user.FindFirstValue(SentraClaims.Region) ?? "\u0000";
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(SentraClaims.DisplayName) ?? user.Identity?.Name ?? "";
}
