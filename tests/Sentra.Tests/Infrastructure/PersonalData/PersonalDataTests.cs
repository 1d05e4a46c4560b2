using Microsoft.Extensions.Options;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Infrastructure.PersonalData;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("62812 3456 7890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("81234567890", "+6281234567890")]          // Excel dropped the leading zero
    [InlineData("(021) 7490123", "+62217490123")]          // a landline with its area code
    [InlineData(" 0857.7777.1234 ", "+6285777771234")]
    public void Phone_numbers_are_normalised_to_e164(string input, string expected)
    {
        Assert.True(IndonesianPhone.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("12345")]
    [InlineData("+1 202 555 0100")]
    [InlineData("0812-3456-7890-1234-5")]
    [InlineData("0000000000")]
    [InlineData("0812 3456 789a")]
    [InlineData("siti@example.com")]
    public void Non_phone_numbers_are_refused(string? input) => Assert.False(IndonesianPhone.TryNormalize(input, out _));

    [Theory]
    [InlineData("3276114509870123", "3276••••••••0123")]
    [InlineData("1234", "••••")]
    public void Nik_is_masked_but_for_its_ends(string nik, string expected) => Assert.Equal(expected, Masking.Nik(nik));

    [Theory]
    [InlineData("7890", "+62••••••7890")]
    [InlineData(null, "")]
    public void Phone_is_masked_from_its_last_digits(string? last4, string expected) => Assert.Equal(expected, Masking.Phone(last4));

    [Theory]
    [InlineData("siti.aminah@example.com", "s••••••••••@example.com")]
    [InlineData("a@b.id", "•@b.id")]
    [InlineData(null, "")]
    public void Email_is_masked(string? email, string expected) => Assert.Equal(expected, Masking.Email(email));

    private static PersonalDataProtector Protector(string key = PersonalDataOptions.DevelopmentEncryptionKey) =>
        new(Options.Create(new PersonalDataOptions { EncryptionKey = key, HashKey = PersonalDataOptions.DevelopmentHashKey }));

    [Fact]
    public void Encryption_round_trips_and_never_repeats_a_ciphertext()
    {
        var protector = Protector();
        var a = protector.Encrypt("3276114509870123");
        var b = protector.Encrypt("3276114509870123");
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("3276114509870123", a);
        Assert.Equal("3276114509870123", protector.Decrypt(a));
        Assert.Equal(protector.Hash("3276114509870123"), protector.Hash("3276114509870123"));
        Assert.NotEqual(protector.Hash("3276114509870123"), protector.Hash("3276114509870124"));
    }

    [Fact]
    public void A_different_key_cannot_read_the_data()
    {
        var cipher = Protector().Encrypt("rahasia");
        var other = Protector(Convert.ToBase64String(new byte[32]));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.Decrypt(cipher));
    }

    [Fact]
    public void Short_or_missing_keys_are_refused_with_the_setting_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Protector("c2hvcnQ="));
        Assert.Contains("EncryptionKey", e.Message);
    }
}
