namespace Sentra.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Sentra:Demo";
    /// <summary>Seeds the Pondok Petir demo sentra and demo accounts into an empty database. Refused in Production.</summary>
    public bool Enabled { get; set; }
}

/// <summary>The demo accounts, listed in the README and printed on start.</summary>
public static class DemoAccounts
{
    public const string Password = "Sentra#2026";
    public const string Admin = "admin@demo.sentra.id";
    public const string Officer = "petugas@demo.sentra.id";
    public const string Leader = "pimpinan@demo.sentra.id";
    public const string OwnerOne = "pemilik1@demo.sentra.id";
    public const string OwnerTwo = "pemilik2@demo.sentra.id";
    public const string Partner = "mitra@demo.sentra.id";

    public static readonly IReadOnlyList<(string Email, string Role, string Name)> All =
    [
        (Admin, "Admin", "Admin Disdagin Depok"),
        (Officer, "Officer", "Rina Pendamping"),
        (Leader, "Leader", "Kepala Bidang Perindustrian"),
        (OwnerOne, "Owner", "Siti Aminah"),
        (OwnerTwo, "Owner", "Dedi Kurniawan"),
        (Partner, "Partner", "Mitra Godong Ijo"),
    ];
}
