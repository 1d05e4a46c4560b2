using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Offices;
using Sentra.Web.Infrastructure;

namespace Sentra.Web.Features.Accounts;

/// <summary>
/// Production set-up without demo data:
/// <c>dotnet run --project src/Sentra.Web -- create-admin --email E [--name N] [--office "Disdagin Kota Depok"] [--region 32.76]</c>.
/// The password comes from <c>SENTRA_ADMIN_PASSWORD</c> or a prompt.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var email = Option("--email");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("create-admin: --email is required, e.g. create-admin --email admin@disdagin.depok.go.id");
            return 2;
        }
        var region = Option("--region") ?? "";
        var password = Environment.GetEnvironmentVariable("SENTRA_ADMIN_PASSWORD") ?? ReadPassword();
        await app.PrepareSentraAsync();
        using var scope = app.Services.CreateScope();
        AuditInterceptor.BackgroundActor.Value = "create-admin";
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (region.Length > 0 && !await db.Regions.AnyAsync(r => r.Code == region))
        {
            await Console.Error.WriteLineAsync($"create-admin: --region {region} is not a known region code (e.g. 32.76 for Kota Depok).");
            return 2;
        }
        var officeName = Option("--office") ?? (region.Length == 0 ? "Sentra" : $"Disdagin {await db.Regions.Where(r => r.Code == region).Select(r => r.Name).FirstAsync()}");
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Name == officeName && o.RegionCode == region);
        if (office is null)
        {
            db.Offices.Add(office = new Office { Name = officeName, RegionCode = region });
            await db.SaveChangesAsync();
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"create-admin: an account with {email} already exists.");
            return 2;
        }
        var user = new AppUser
        {
            UserName = AccountService.NewUserName(),
            Email = email,
            EmailConfirmed = true,
            DisplayName = Option("--name") ?? "Administrator",
            OfficeId = office.Id,
            RegionCode = office.RegionCode,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("create-admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Created admin {email} for office '{office.Name}' (region '{(region.Length == 0 ? "all of Indonesia" : region)}').");
        return 0;
    }

    private static string ReadPassword()
    {
        Console.Write("Password: ");
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
