namespace Sentra.Web.Infrastructure.PersonalData;

/// <summary>How personal data is shown to people who may not reveal it.</summary>
public static class Masking
{
    public const char Dot = '•';

    /// <summary><c>3276114509870123</c> → <c>3276••••••••0123</c>.</summary>
    public static string Nik(string nik) =>
        nik.Length <= 8 ? new string(Dot, nik.Length) : nik[..4] + new string(Dot, nik.Length - 8) + nik[^4..];

    /// <summary>Phone from its last four digits: <c>+62••••••7890</c>.</summary>
    public static string Phone(string? last4) => string.IsNullOrEmpty(last4) ? "" : "+62" + new string(Dot, 6) + last4;

    /// <summary><c>siti.aminah@example.com</c> → <c>s•••••••••@example.com</c>.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email)) return "";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 1) return new string(Dot, Math.Max(at, 1)) + (at >= 0 ? email[at..] : "");
        return email[0] + new string(Dot, at - 1) + email[at..];
    }
}
