using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ToanDan.Web.Features.Tips.Privacy;

/// <summary>The reporter's identity, sealed with the tip's data key.</summary>
public sealed record TipIdentity(string? Name, string? Phone, string? Address);

/// <summary>What the reporter said: what happened, where, when. Sealed with the tip's data key.</summary>
public sealed record TipNarrative(string What, string? Place, string? When);

/// <summary>
/// Envelope encryption of tips: each tip has its own random 256-bit data key; every sensitive value of the
/// tip (identity, narrative, messages, file names, files) is encrypted with it by AES-256-GCM, with the tip id
/// and the value's purpose as associated data (a cipher text moved to another tip or field fails to decrypt).
/// The data key is stored wrapped (AES-GCM) by a key-encryption key from <see cref="TipKeyRing"/>, whose id is
/// stored beside it so keys can be rotated (<c>tips rotate-key</c>) without touching the data.
/// Format of a sealed value: version byte 1 | 12-byte nonce | 16-byte tag | cipher text.
/// </summary>
public sealed class TipVault(TipKeyRing keys)
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Creates a new data key for a tip, wrapped by the active key-encryption key.</summary>
    public DataKey NewKey(Guid tipId)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var keyId = keys.ActiveKeyId;
        return new DataKey(tipId, key, keyId, Encrypt(keys.ActiveKey, key, WrapContext(tipId, keyId)));
    }

    /// <summary>Unwraps the data key of a stored tip.</summary>
    public DataKey Open(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return Open(tip.Id, tip.KeyId, tip.WrappedKey);
    }

    /// <summary>Unwraps a data key.</summary>
    public DataKey Open(Guid tipId, string keyId, byte[] wrapped)
    {
        var kek = keys.Key(keyId) ?? throw new CryptographicException($"Tips: key-encryption key '{keyId}' is not configured.");
        return new DataKey(tipId, Decrypt(kek, wrapped, WrapContext(tipId, keyId)), keyId, wrapped);
    }

    /// <summary>Wraps an open data key again with the active key-encryption key (rotation).</summary>
    public (string KeyId, byte[] Wrapped) Rewrap(DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyId = keys.ActiveKeyId;
        return (keyId, Encrypt(keys.ActiveKey, key.Key, WrapContext(key.TipId, keyId)));
    }

    private static byte[] WrapContext(Guid tipId, string keyId) => Encoding.UTF8.GetBytes($"{tipId:N}|data-key|{keyId}");

    internal static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plain, byte[] associated)
    {
        var output = new byte[1 + NonceSize + TagSize + plain.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), associated);
        return output;
    }

    internal static byte[] Decrypt(byte[] key, byte[] sealedValue, byte[] associated)
    {
        if (sealedValue.Length < 1 + NonceSize + TagSize || sealedValue[0] != FormatVersion)
        {
            throw new CryptographicException("Tips: not a sealed value.");
        }

        var plain = new byte[sealedValue.Length - 1 - NonceSize - TagSize];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Decrypt(sealedValue.AsSpan(1, NonceSize), sealedValue.AsSpan(1 + NonceSize + TagSize), sealedValue.AsSpan(1 + NonceSize, TagSize), plain, associated);
        return plain;
    }
}

/// <summary>An open data key of one tip. Dispose it to wipe the key from memory.</summary>
public sealed class DataKey(Guid tipId, byte[] key, string keyId, byte[] wrapped) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new();

    public Guid TipId => tipId;

    public string KeyId => keyId;

    public byte[] Wrapped => wrapped;

    internal byte[] Key => key;

    /// <summary>Encrypts bytes for a purpose of this tip (e.g. <c>file:{id}:original</c>).</summary>
    public byte[] Seal(string purpose, ReadOnlySpan<byte> plain) => TipVault.Encrypt(key, plain, Context(purpose));

    /// <summary>Decrypts bytes sealed for the same purpose of the same tip.</summary>
    public byte[] Unseal(string purpose, byte[] sealedValue) => TipVault.Decrypt(key, sealedValue, Context(purpose));

    public byte[] SealText(string purpose, string text) => Seal(purpose, Encoding.UTF8.GetBytes(text));

    public string UnsealText(string purpose, byte[] sealedValue) => Encoding.UTF8.GetString(Unseal(purpose, sealedValue));

    public byte[] SealJson<T>(string purpose, T value) => Seal(purpose, JsonSerializer.SerializeToUtf8Bytes(value, Json));

    public T UnsealJson<T>(string purpose, byte[] sealedValue) =>
        JsonSerializer.Deserialize<T>(Unseal(purpose, sealedValue), Json) ?? throw new CryptographicException("Tips: empty sealed value.");

    private byte[] Context(string purpose) => Encoding.UTF8.GetBytes($"{tipId:N}|{purpose}");

    public void Dispose() => CryptographicOperations.ZeroMemory(key);
}

/// <summary>The purposes (associated data) of a tip's sealed values.</summary>
public static class SealPurpose
{
    public const string Identity = "identity";
    public const string Narrative = "narrative";

    public static string Message(Guid id) => $"message:{id:N}";

    public static string FileName(Guid id) => $"file-name:{id:N}";

    public static string Original(Guid id) => $"file:{id:N}:original";

    public static string ViewCopy(Guid id) => $"file:{id:N}:view";
}
