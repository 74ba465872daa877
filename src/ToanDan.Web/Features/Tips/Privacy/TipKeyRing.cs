using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ToanDan.Web.Features.Tips.Privacy;

/// <summary>
/// The key-encryption keys (KEKs) that wrap each tip's data key, and the key that hashes receipt codes. They come
/// from configuration (<c>Tips:Keys</c>, <c>Tips:ActiveKey</c>, <c>Tips:ReceiptKey</c>) or from a key file outside
/// the database (<c>Tips:KeyFile</c>), created with random keys on first use when allowed. Never logged.
/// </summary>
public sealed class TipKeyRing(IOptions<TipsOptions> options, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _lock = new();
    private KeyFileContent? _loaded;

    /// <summary>True when the keys come from a file this ring may rewrite (rotation).</summary>
    public bool FromFile => options.Value.Keys.Count == 0;

    /// <summary>The key file's full path.</summary>
    public string KeyFilePath => Path.IsPathRooted(options.Value.KeyFile)
        ? options.Value.KeyFile
        : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.KeyFile));

    /// <summary>The id of the key that wraps new data keys.</summary>
    public string ActiveKeyId => Load().Active;

    /// <summary>The active key-encryption key.</summary>
    public byte[] ActiveKey => Key(ActiveKeyId) ?? throw new InvalidOperationException("Tips: the active key-encryption key is missing.");

    /// <summary>The key with this id, or null when it is not (or no longer) configured.</summary>
    public byte[]? Key(string id) => Load().Keys.TryGetValue(id, out var value) ? Convert.FromBase64String(value) : null;

    /// <summary>The key used to hash receipt codes (HMAC-SHA-256).</summary>
    public byte[] ReceiptKey => Convert.FromBase64String(Load().Receipt);

    /// <summary>Every key id known.</summary>
    public IReadOnlyCollection<string> KeyIds => Load().Keys.Keys;

    /// <summary>Adds a new random key to the key file and makes it the active one; returns its id.</summary>
    public string AddActiveKey(DateTime nowUtc)
    {
        if (!FromFile)
        {
            throw new InvalidOperationException("Khóa được cấu hình trong Tips:Keys: thêm khóa mới vào cấu hình, đặt Tips:ActiveKey rồi chạy lại lệnh.");
        }

        lock (_lock)
        {
            var current = Load();
            var id = NewKeyId(nowUtc);
            var keys = new Dictionary<string, string>(current.Keys, StringComparer.Ordinal) { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            var next = new KeyFileContent { Active = id, Receipt = current.Receipt, Keys = keys };
            WriteAtomically(KeyFilePath, next);
            _loaded = next;
            return id;
        }
    }

    private static string NewKeyId(DateTime nowUtc) =>
        $"k{nowUtc:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    private KeyFileContent Load()
    {
        lock (_lock)
        {
            if (_loaded is not null)
            {
                return _loaded;
            }

            var o = options.Value;
            if (o.Keys.Count > 0)
            {
                if (string.IsNullOrEmpty(o.ActiveKey) || !o.Keys.ContainsKey(o.ActiveKey) || string.IsNullOrEmpty(o.ReceiptKey))
                {
                    throw new InvalidOperationException("Tips:Keys cần Tips:ActiveKey (một trong các khóa) và Tips:ReceiptKey.");
                }

                _loaded = Validate(new KeyFileContent { Active = o.ActiveKey, Receipt = o.ReceiptKey, Keys = new(o.Keys, StringComparer.Ordinal) });
                return _loaded;
            }

            var path = KeyFilePath;
            if (!File.Exists(path))
            {
                if (!o.CreateKeyFile)
                {
                    throw new InvalidOperationException($"Tips: không có tệp khóa {path} (Tips:KeyFile) và Tips:CreateKeyFile=false.");
                }

                var id = NewKeyId(DateTime.UtcNow);
                var created = new KeyFileContent
                {
                    Active = id,
                    Receipt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    Keys = new(StringComparer.Ordinal) { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                };

                // Created with O_EXCL semantics (FileMode.CreateNew): of hosts starting together exactly one creates
                // the file; the others read it below, waiting until the creator has written and closed it.
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        JsonSerializer.Serialize(stream, created, Json);
                        stream.Flush(flushToDisk: true);
                    }

                    RestrictToOwner(path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process or test host created it first: use theirs.
                }
            }

            _loaded = Validate(ReadKeyFile(path));
            return _loaded;
        }
    }

    /// <summary>
    /// Reads the key file; while another host is still writing it (locked, empty or cut short) waits and tries again,
    /// for up to ten seconds.
    /// </summary>
    private static KeyFileContent ReadKeyFile(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = File.OpenRead(path);
                return JsonSerializer.Deserialize<KeyFileContent>(stream, Json)
                    ?? throw new InvalidOperationException($"Tips: tệp khóa {path} rỗng.");
            }
            catch (Exception ex) when (attempt < 200 && ex is IOException or JsonException)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static KeyFileContent Validate(KeyFileContent content)
    {
        if (!content.Keys.ContainsKey(content.Active))
        {
            throw new InvalidOperationException("Tips: khóa đang dùng (active) không có trong danh sách khóa.");
        }

        foreach (var value in content.Keys.Values.Append(content.Receipt))
        {
            if (Convert.FromBase64String(value).Length != 32)
            {
                throw new InvalidOperationException("Tips: mỗi khóa phải dài 32 byte (base64).");
            }
        }

        return content;
    }

    private static void WriteAtomically(string path, KeyFileContent content)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, content, Json);
            stream.Flush(flushToDisk: true);
        }

        RestrictToOwner(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private sealed class KeyFileContent
    {
        [JsonPropertyName("active")]
        public string Active { get; init; } = "";

        [JsonPropertyName("receipt")]
        public string Receipt { get; init; } = "";

        [JsonPropertyName("keys")]
        public Dictionary<string, string> Keys { get; init; } = new(StringComparer.Ordinal);
    }
}
