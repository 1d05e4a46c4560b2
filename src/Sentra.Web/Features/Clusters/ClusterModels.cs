using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Clusters;

/// <summary>What office staff send to create or change a sentra.</summary>
public sealed class ClusterInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ClusterName")]
    public string Name { get; set; } = "";

    /// <summary>Left empty, it is made from the name (<c>Sentra Pondok Petir</c> → <c>sentra-pondok-petir</c>).</summary>
    [StringLength(ClusterSlug.MaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Slug")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.VillageCode")]
    public string VillageCode { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MainCommodity")]
    public string MainCommodity { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MainCommodityEn")]
    public string? MainCommodityEn { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Field.StartDate")]
    public DateOnly? StartDate { get; set; }

    [Range(-11.5, 6.5, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Latitude")]
    public double? Latitude { get; set; }

    [Range(94.5, 141.5, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Longitude")]
    public double? Longitude { get; set; }

    /// <summary>
    /// Partner sites that may embed the widget and read the feed (<c>https://godongijo.example</c>), normalised on save.
    /// Left out (null), the stored list stays as it is; an empty list removes every partner site.
    /// </summary>
    [Display(Name = "Embed.Origins")]
    public List<string>? EmbedOrigins { get; set; }

    /// <summary>
    /// The resource key naming a field in messages: the form's label, so a message says
    /// "Nama sentra …" rather than the generic "Nama …". Fields that are not inputs (Members) have their own key.
    /// </summary>
    public static string DisplayKey(string field) =>
        typeof(ClusterInput).GetProperty(field, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttribute<DisplayAttribute>()?.Name
        ?? (field == nameof(ClusterDetail.Members) ? "Clusters.Members" : "Field." + field);

    /// <summary>A service error as a sentence in the user's language, naming the field by its label.</summary>
    public static string Message(FieldError error, IStringLocalizer t) => error.Message(t, f => t[DisplayKey(f)].Value);
}

public sealed record ClusterQuery(string? Q = null, int Page = 1, int PageSize = 25);

public sealed record ClusterListItem(
    int Id, string Name, string Slug, string VillageCode, string? VillageName, string? DistrictName, string MainCommodity,
    DateOnly? StartDate, int Members, int VerifiedMembers, bool IsDemo, DateTime UpdatedAt);

public sealed record ClusterMember(int Id, string Name, BusinessStatus Status);

public sealed record ClusterDetail(
    int Id, string Name, string Slug, string VillageCode, string? VillageName, string? DistrictName, string? CityName,
    string MainCommodity, string? MainCommodityEn, string? Description, string? DescriptionEn, DateOnly? StartDate,
    double? Latitude, double? Longitude, IReadOnlyList<ClusterMember> Members, int VerifiedMembers, bool IsDemo,
    DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit, IReadOnlyList<string> EmbedOrigins);
