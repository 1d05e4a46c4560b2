namespace Sentra.Web.Features.Kbli;

/// <summary>
/// One entry of the KBLI business classification. The version is part of the key: KBLI 2025
/// exists (Peraturan BPS 7/2025) and codes are stored with the version they were chosen from.
/// </summary>
public sealed class KbliCode
{
    public const string Version2020 = "2020";

    public required string Version { get; set; }
    public required string Code { get; set; }
    /// <summary>kategori, golongan_pokok, golongan, subgolongan or kelompok.</summary>
    public required string Level { get; set; }
    public required string TitleId { get; set; }
    public string? TitleEn { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>Lower-cased code and title for portable LIKE search.</summary>
    public required string SearchText { get; set; }
}
