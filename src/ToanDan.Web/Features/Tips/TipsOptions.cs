namespace ToanDan.Web.Features.Tips;

/// <summary>Settings of the Tips module (section <c>Tips</c>); see docs/operations.md.</summary>
public sealed class TipsOptions
{
    /// <summary>The key file (key-encryption keys and the receipt-code key), relative to the content root when not rooted. Keep it out of database backups.</summary>
    public string KeyFile { get; set; } = "data/tips-keys.json";

    /// <summary>Create the key file with new random keys when it is missing (first start).</summary>
    public bool CreateKeyFile { get; set; } = true;

    /// <summary>Key-encryption keys given in configuration instead of a key file: id → base64 of 32 bytes.</summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>With <see cref="Keys"/>: the id of the key that wraps new data keys.</summary>
    public string? ActiveKey { get; set; }

    /// <summary>With <see cref="Keys"/>: base64 of the 32-byte key that hashes receipt codes (never rotated: it would orphan every code).</summary>
    public string? ReceiptKey { get; set; }

    /// <summary>Folder of the encrypted attachments, relative to the content root when not rooted.</summary>
    public string FilesFolder { get; set; } = "data/tips-files";

    /// <summary>Days after closure before a tip and its files are purged.</summary>
    public int RetentionDays { get; set; } = 5 * 365;

    /// <summary>Days after closure during which the reporter may still open the tip with the code.</summary>
    public int ReporterAccessDays { get; set; } = 90;

    /// <summary>Seconds a person needs at least to fill the public form (quicker posts are bots).</summary>
    public int MinimumFillSeconds { get; set; } = 5;

    /// <summary>Wrong receipt codes allowed per client address in <see cref="LookupWindowMinutes"/> (in memory only).</summary>
    public int LookupFailuresAllowed { get; set; } = 5;

    public int LookupWindowMinutes { get; set; } = 15;

    /// <summary>The background job (reminders, purge) runs this often.</summary>
    public int JobIntervalMinutes { get; set; } = 15;

    /// <summary>Whether the background job runs in this process (the tests call it directly).</summary>
    public bool JobsEnabled { get; set; } = true;
}
