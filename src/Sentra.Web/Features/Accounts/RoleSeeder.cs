using Microsoft.AspNetCore.Identity;

namespace Sentra.Web.Features.Accounts;

public static class RoleSeeder
{
    /// <summary>The five roles exist in every installation, demo or not.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
