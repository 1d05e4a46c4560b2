using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Sentra.Web.Infrastructure.Api;

/// <summary>
/// Validates an API request body with its data annotations and answers a ValidationProblem whose
/// messages come from the resource files in the caller's language, like the Razor Pages do.
/// </summary>
public static class ApiValidation
{
    public static ValidationProblem? Validate<T>(T model, IStringLocalizer localizer) where T : class
    {
        var errors = Errors(model, localizer);
        return errors.Count == 0 ? null : Problem(errors);
    }

    public static ValidationProblem Problem(Dictionary<string, List<string>> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    /// <summary>Annotation errors by camelCase field name, so callers can add domain errors before answering.</summary>
    public static Dictionary<string, List<string>> Errors<T>(T model, IStringLocalizer localizer) where T : class
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(model);
            var display = property.GetCustomAttribute<DisplayAttribute>()?.Name is { } key ? localizer[key].Value : property.Name;
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.IsValid(value)) continue;
                var message = attribute.ErrorMessage is { } messageKey
                    ? Format(localizer[messageKey].Value, display, attribute)
                    : attribute.FormatErrorMessage(display);
                var name = JsonName(property.Name);
                if (!errors.TryGetValue(name, out var list)) errors[name] = list = [];
                list.Add(message);
            }
        }
        return errors;
    }

    public static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [JsonName(field)] = [message] });

    private static string Format(string template, string display, ValidationAttribute attribute) => attribute switch
    {
        StringLengthAttribute s => string.Format(System.Globalization.CultureInfo.CurrentCulture, template, display, s.MaximumLength, s.MinimumLength),
        RangeAttribute r => string.Format(System.Globalization.CultureInfo.CurrentCulture, template, display, r.Minimum, r.Maximum),
        _ => string.Format(System.Globalization.CultureInfo.CurrentCulture, template, display),
    };

    public static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
