using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Sentra.Web.Features.Account;

public interface INewPassword
{
    string NewPassword { get; set; }
    string ConfirmPassword { get; set; }
}

public class NewPasswordInput : INewPassword
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, MinimumLength = 8, ErrorMessage = "Validation.Length")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordMismatch")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}

public static class IdentityErrors
{
    /// <summary>Puts Identity's password errors next to the new-password field, in the user's language.</summary>
    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, string field, IStringLocalizer t)
    {
        foreach (var error in result.Errors)
        {
            var key = "Identity." + error.Code;
            var text = t[key];
            modelState.AddModelError(field, text.ResourceNotFound ? t["Identity.Other"] : text);
        }
    }
}
