using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Accounts;

public sealed class LoginRequest
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Password")]
    public string? Password { get; set; }
}

public sealed record MeResponse(string Id, string DisplayName, string? Email, string RegionCode, IReadOnlyList<string> Roles);

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");

        // The bearer handler writes { tokenType, accessToken, expiresIn, refreshToken } itself on sign-in.
        group.MapPost("/login", async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> (
                LoginRequest request, AccountService accounts, IStringLocalizer<SharedResource> t) =>
            {
                if (ApiValidation.Validate(request, t) is { } invalid) return invalid;
                var outcome = await accounts.SignInAsync(request.Email, request.Password, persistent: false, IdentityConstants.BearerScheme);
                return outcome switch
                {
                    SignInOutcome.Success => TypedResults.Empty,
                    SignInOutcome.LockedOut => TypedResults.Problem(t["Login.LockedOut"], statusCode: StatusCodes.Status401Unauthorized, title: t["Login.Failed"]),
                    SignInOutcome.Disabled => TypedResults.Problem(t["Login.Disabled"], statusCode: StatusCodes.Status401Unauthorized, title: t["Login.Failed"]),
                    _ => TypedResults.Problem(t["Login.InvalidCredentials"], statusCode: StatusCodes.Status401Unauthorized, title: t["Login.Failed"]),
                };
            })
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Exchange an e-mail (or phone number) and password for a bearer token")
            .Produces<AccessTokenShape>(StatusCodes.Status200OK);

        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                user.UserId()!, user.DisplayName(), user.FindFirstValue(ClaimTypes.Email), user.FindFirstValue(SentraClaims.Region) ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList())))
            .RequireAuthorization()
            .WithName("Me")
            .WithSummary("The signed-in user, their roles and region");
        return api;
    }

    /// <summary>The token response's shape, for the OpenAPI document.</summary>
    public sealed record AccessTokenShape(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
