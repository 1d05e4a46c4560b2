using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Sentra.Web.Infrastructure.Localization;

/// <summary>Model-binding messages ("the value 'abc' is not valid") in the user's language.</summary>
public sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => t["Validation.Invalid", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => t["Validation.Invalid", v]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["Validation.Invalid", v]);
        m.SetUnknownValueIsInvalidAccessor(f => t["Validation.InvalidValue"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.InvalidValue"]);
        m.SetValueMustBeANumberAccessor(f => t["Validation.Number"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
        m.SetMissingBindRequiredValueAccessor(f => t["Validation.RequiredField"]);
        m.SetMissingKeyOrValueAccessor(() => t["Validation.RequiredField"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.RequiredField"]);
        m.SetValueMustNotBeNullAccessor(v => t["Validation.RequiredField"]);
    }
}
