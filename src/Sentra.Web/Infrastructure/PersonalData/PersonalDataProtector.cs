using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sentra.Web.Infrastructure.PersonalData;

public sealed class PersonalDataOptions
{
    public const string Section = "Sentra:PersonalData";
    /// <summary>Development-only keys, refused in Production by <see cref="Startup.StartupChecks"/>.</summary>
    public const string DevelopmentEncryptionKey = "ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE=";
    public const string DevelopmentHashKey = "ZGV2ZWxvcG1lbnQtb25seS1oYXNoLWtleS0wMDAwMDA=";

    /// <summary>Base64 of 32 random bytes: the AES-256-GCM key for NIK, phone numbers and e-mail.</summary>
    public string EncryptionKey { get; set; } = "";
    /// <summary>Base64 of at least 32 random bytes: the HMAC-SHA256 key for look-up hashes.</summary>
    public string HashKey { get; set; } = "";
}

/// <summary>
/// Encrypts personal data in the application (UU PDP 27/2022) so the database never holds it in
/// clear, and computes keyed hashes so records can still be matched on it (imports match on NIK,
/// sign-in on phone number).
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Prefix = "v1:";
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        _encryptionKey = Decode(options.Value.EncryptionKey, nameof(PersonalDataOptions.EncryptionKey));
        _hashKey = Decode(options.Value.HashKey, nameof(PersonalDataOptions.HashKey));
        if (_encryptionKey.Length != 32)
            throw new InvalidOperationException($"{PersonalDataOptions.Section}:EncryptionKey must be 32 bytes in Base64.");
    }

    private static byte[] Decode(string value, string name)
    {
        try
        {
            var bytes = Convert.FromBase64String(value);
            return bytes.Length >= 32 ? bytes : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{PersonalDataOptions.Section}:{name} must be at least 32 random bytes in Base64.");
        }
    }

    public string Encrypt(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[data.Length];
        using var aes = new AesGcm(_encryptionKey, tag.Length);
        aes.Encrypt(nonce, data, cipher, tag);
        return Prefix + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) throw new CryptographicException("Unknown personal-data format.");
        var all = Convert.FromBase64String(stored[Prefix.Length..]);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[all.Length - nonceSize - tagSize];
        using var aes = new AesGcm(_encryptionKey, tagSize);
        aes.Decrypt(all.AsSpan(0, nonceSize), all.AsSpan(nonceSize + tagSize), all.AsSpan(nonceSize, tagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Keyed hash for equality look-ups; the same input always gives the same hash.</summary>
    public string Hash(string plain) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(plain)));
}
