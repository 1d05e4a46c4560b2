using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Sentra.Web.Infrastructure.Validation;

/// <summary>A field-level problem: which field, and a resource key (with arguments) saying why.</summary>
public sealed record FieldError(string Field, string MessageKey, IReadOnlyList<object>? Args = null)
{
    public string Message(IStringLocalizer t, Func<string, string>? fieldName = null)
    {
        var display = fieldName?.Invoke(Field) ?? t["Field." + Field].Value;
        var args = new List<object> { display };
        if (Args is not null) args.AddRange(Args);
        return t[MessageKey, [.. args]].Value;
    }
}

public enum Outcome
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    /// <summary>The record changed since the caller read it (optimistic concurrency).</summary>
    Conflict,
}

#pragma warning disable CA1000 // factory methods on the result type read best at call sites: ServiceResult<T>.NotFound()
/// <summary>What a feature service answers; pages and API endpoints translate it the same way.</summary>
public sealed record ServiceResult<T>(Outcome Outcome, T? Value, IReadOnlyList<FieldError> Errors)
{
    public static ServiceResult<T> Ok(T value) => new(Outcome.Ok, value, []);
    public static ServiceResult<T> Invalid(IReadOnlyList<FieldError> errors) => new(Outcome.Invalid, default, errors);
    public static ServiceResult<T> Invalid(string field, string key, params object[] args) => new(Outcome.Invalid, default, [new FieldError(field, key, args)]);
    public static ServiceResult<T> NotFound() => new(Outcome.NotFound, default, []);
    public static ServiceResult<T> Forbidden() => new(Outcome.Forbidden, default, []);
    public static ServiceResult<T> Conflict() => new(Outcome.Conflict, default, []);
}

#pragma warning restore CA1000

public static class ValidationExtensions
{
    /// <summary>Puts each error next to its field on a Razor Page (fields are bound as <c>Input.X</c>).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, IStringLocalizer t, string prefix = "Input.")
    {
        foreach (var e in errors) modelState.AddModelError(prefix + e.Field, e.Message(t));
    }

    /// <summary>The same errors as an API ValidationProblem, with camelCase field names.</summary>
    public static ValidationProblem ToValidationProblem(this IEnumerable<FieldError> errors, IStringLocalizer t) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message(t)).ToArray()));
}
