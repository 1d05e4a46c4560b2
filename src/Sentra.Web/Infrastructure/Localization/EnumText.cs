using Microsoft.Extensions.Localization;

namespace Sentra.Web.Infrastructure.Localization;

public static class EnumText
{
    /// <summary>The label of an enum value from the resource files: key <c>TypeName.Value</c>.</summary>
    public static string Label<TEnum>(this IStringLocalizer t, TEnum value) where TEnum : struct, Enum =>
        t[$"{typeof(TEnum).Name}.{value}"].Value;

    /// <summary>Labels of the set flags of a [Flags] value, comma-separated.</summary>
    public static string Flags<TEnum>(this IStringLocalizer t, TEnum value) where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(v))
            .Select(v => t.Label(v)));
}
