using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Tips.Privacy;

namespace ToanDan.Tests.Features.Tips;

/// <summary>Receipt codes and envelope encryption, without a database.</summary>
public sealed class TipPrivacyTests
{
    internal sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "ToanDan.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    internal static TipKeyRing ConfiguredRing(params string[] ids)
    {
        var options = new TipsOptions { ActiveKey = ids[^1], ReceiptKey = Convert.ToBase64String(new byte[32]) };
        foreach (var id in ids)
        {
            options.Keys[id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        return new TipKeyRing(Options.Create(options), new Environment(Path.GetTempPath()));
    }

    [Fact]
    public void ReceiptCode_Has16Digits_About53BitsOfEntropy_AndNoRepeats()
    {
        Assert.True(ReceiptCodes.EntropyBits >= 50, $"{ReceiptCodes.EntropyBits} bits");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var digitCounts = new int[10];
        for (var i = 0; i < 20_000; i++)
        {
            var code = ReceiptCodes.NewCode();
            Assert.Equal(16, code.Length);
            Assert.True(code.All(char.IsAsciiDigit));
            Assert.True(seen.Add(code), "a code repeated");
            foreach (var c in code)
            {
                digitCounts[c - '0']++;
            }
        }

        // Every digit appears about a tenth of the time (320,000 digits; 5 % tolerance is > 15 standard deviations).
        Assert.All(digitCounts, n => Assert.InRange(n, 30_400, 33_600));

        // And with no modulo bias: χ² over the ten digits (9 degrees of freedom) stays under 40 but for a chance of
        // about 1 in 100,000; taking every byte mod 10 (digits 0–5 one 256th likelier) would give about 117.
        var chiSquare = digitCounts.Sum(n => (n - 32_000.0) * (n - 32_000.0) / 32_000.0);
        Assert.True(chiSquare < 40, $"χ² = {chiSquare:F1}: digits {string.Join(", ", digitCounts)}");
    }

    [Fact]
    public void ReceiptCode_FormattedInGroups_NormalisedFromWhatPeopleType_HashedWithASecretKey()
    {
        Assert.Equal("1234 5678 9012 3456", ReceiptCodes.Format("1234567890123456"));
        Assert.Equal("1234567890123456", ReceiptCodes.Normalize(" 1234-5678 9012.3456 "));
        Assert.Null(ReceiptCodes.Normalize("1234 5678 9012 345"));
        Assert.Null(ReceiptCodes.Normalize("1234 5678 9012 345x"));
        Assert.Null(ReceiptCodes.Normalize("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦"));
        var a = new ReceiptCodes(ConfiguredRing("a"));
        var hash = a.Hash("1234567890123456");
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("1234567890123456", hash, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("1234567890123456"u8)), hash);
    }

    [Fact]
    public void Vault_SealsPerTip_RejectsMovedOrTamperedValues_AndRewrapsOnRotation()
    {
        var ring = ConfiguredRing("old");
        var vault = new TipVault(ring);
        var tipId = Guid.CreateVersion7();
        byte[] sealedName;
        byte[] wrapped;
        using (var key = vault.NewKey(tipId))
        {
            Assert.Equal("old", key.KeyId);
            sealedName = key.SealJson(SealPurpose.Identity, new TipIdentity("Nguyễn Văn Tố", "0912345678", null));
            wrapped = key.Wrapped;
            Assert.Equal("Nguyễn Văn Tố", key.UnsealJson<TipIdentity>(SealPurpose.Identity, sealedName).Name);
            Assert.ThrowsAny<CryptographicException>(() => key.Unseal(SealPurpose.Narrative, sealedName));
        }

        using (var other = vault.NewKey(Guid.CreateVersion7()))
        {
            Assert.ThrowsAny<CryptographicException>(() => other.Unseal(SealPurpose.Identity, sealedName));
        }

        var tampered = (byte[])sealedName.Clone();
        tampered[^1] ^= 1;
        using (var key = vault.Open(tipId, "old", wrapped))
        {
            Assert.ThrowsAny<CryptographicException>(() => key.Unseal(SealPurpose.Identity, tampered));
            Assert.ThrowsAny<CryptographicException>(() => vault.Open(Guid.CreateVersion7(), "old", wrapped));
        }

        var rotatedOptions = new TipsOptions { ActiveKey = "new", ReceiptKey = Convert.ToBase64String(new byte[32]) };
        var oldKey = ring.Key("old")!;
        rotatedOptions.Keys["old"] = Convert.ToBase64String(oldKey);
        rotatedOptions.Keys["new"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var rotated = new TipVault(new TipKeyRing(Options.Create(rotatedOptions), new Environment(Path.GetTempPath())));
        using var opened = rotated.Open(tipId, "old", wrapped);
        var (keyId, rewrapped) = rotated.Rewrap(opened);
        Assert.Equal("new", keyId);
        using var again = rotated.Open(tipId, "new", rewrapped);
        Assert.Equal("0912345678", again.UnsealJson<TipIdentity>(SealPurpose.Identity, sealedName).Phone);
    }

    [Fact]
    public void KeyFile_IsCreatedOnce_OwnerOnly_AndRotationAddsAnActiveKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "toandan-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Options.Create(new TipsOptions { KeyFile = "data/tips-keys.json" });
            var ring = new TipKeyRing(options, new Environment(folder));
            var first = ring.ActiveKeyId;
            Assert.True(File.Exists(Path.Combine(folder, "data", "tips-keys.json")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ring.KeyFilePath));
            }

            Assert.Equal(first, new TipKeyRing(options, new Environment(folder)).ActiveKeyId);
            var second = ring.AddActiveKey(DateTime.UtcNow);
            Assert.NotEqual(first, second);
            var reread = new TipKeyRing(options, new Environment(folder));
            Assert.Equal(second, reread.ActiveKeyId);
            Assert.NotNull(reread.Key(first));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task KeyFile_CreatedByManyStartingAtOnce_IsOneCompleteFile_ReadByAll()
    {
        var folder = Path.Combine(Path.GetTempPath(), "toandan-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Options.Create(new TipsOptions { KeyFile = "data/tips-keys.json" });
            using var start = new Barrier(16);
            var rings = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            {
                var ring = new TipKeyRing(options, new Environment(folder));
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return (ring.ActiveKeyId, Convert.ToBase64String(ring.ReceiptKey));
            }, TestContext.Current.CancellationToken)));
            Assert.Single(rings.Distinct());
            Assert.Equal([Path.Combine(folder, "data", "tips-keys.json")], Directory.GetFiles(Path.Combine(folder, "data")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
