using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Portal;

/// <summary>
/// The portal's identity and footer, edited in the back office: one row per deployment (<see cref="SingletonId"/>).
/// Each line is stored as the portal shows it ("Cơ quan chủ quản: UBND huyện Nam Sách"), so the editors control
/// the wording the licence requires.
/// </summary>
public sealed class PortalSettings : IAudited
{
    /// <summary>The key of the only row.</summary>
    public const int SingletonId = 1;

    public const int LineMaxLength = 300;

    public const int PhoneMaxLength = 50;

    public const int EmailMaxLength = 254;

    /// <summary>Longest English description of the organisation.</summary>
    public const int DescriptionMaxLength = 4000;

    /// <summary>Most contacts (officials) listed.</summary>
    public const int MaxContacts = 30;

    private readonly List<PortalContact> _contacts = [];

    private PortalSettings()
    {
    }

    public int Id { get; private set; }

    /// <summary>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH.</summary>
    public string PortalName { get; private set; } = "";

    /// <summary>Cơ quan chủ quản: …</summary>
    public string? GoverningAgency { get; private set; }

    /// <summary>Trưởng Ban biên tập: …</summary>
    public string? EditorInChief { get; private set; }

    /// <summary>Giấy phép thiết lập trang thông tin điện tử tổng hợp số …</summary>
    public string? Licence { get; private set; }

    /// <summary>Ngày … của Sở Thông tin và Truyền thông …</summary>
    public string? LicenceIssued { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The portal's (or governing agency's) name in English, the heading of <c>/en</c>.</summary>
    public string? EnglishName { get; private set; }

    /// <summary>The organisation described in English (plain text, paragraphs separated by blank lines) for <c>/en</c>.</summary>
    public string? EnglishDescription { get; private set; }

    /// <summary>The officials in charge, in display order (<c>/lien-he</c>, <c>/en</c>).</summary>
    public IReadOnlyList<PortalContact> Contacts => _contacts;

    /// <summary>The unit (official code) the portal speaks for: its TTHC box and, later, its news.</summary>
    public string? UnitCode { get; private set; }

    /// <summary>Concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    string IAudited.AuditModule => "Portal";

    string IAudited.AuditId => "settings";

    string? IAudited.AuditUnitCode => UnitCode;

    public PortalSettingsDetails ToDetails() => new(PortalName, GoverningAgency, EditorInChief, Licence, LicenceIssued, Address, Phone, Email, UnitCode)
    {
        EnglishName = EnglishName,
        EnglishDescription = EnglishDescription,
        Contacts = _contacts.OrderBy(c => c.Position).Select(c => c.ToDetails()).ToList(),
    };

    /// <summary>Creates the settings row after checking the details.</summary>
    public static Result<PortalSettings> Create(PortalSettingsDetails details, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return Result<PortalSettings>.Failure(errors);
        }

        var settings = new PortalSettings { Id = SingletonId, Version = 1 };
        settings.Apply(details, nowUtc);
        return settings;
    }

    /// <summary>Changes the settings after checking them.</summary>
    public IReadOnlyList<Error> Update(PortalSettingsDetails details, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate();
        if (errors.Count == 0)
        {
            Apply(details, nowUtc);
            Version++;
        }

        return errors;
    }

    private void Apply(PortalSettingsDetails details, DateTime nowUtc)
    {
        PortalName = VietnameseText.Clean(details.PortalName);
        GoverningAgency = Optional(details.GoverningAgency);
        EditorInChief = Optional(details.EditorInChief);
        Licence = Optional(details.Licence);
        LicenceIssued = Optional(details.LicenceIssued);
        Address = Optional(details.Address);
        Phone = Optional(details.Phone);
        Email = Optional(details.Email);
        UnitCode = Optional(details.UnitCode);
        EnglishName = Optional(details.EnglishName);
        EnglishDescription = OptionalParagraphs(details.EnglishDescription);
        ApplyContacts(details.Contacts);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Keeps unchanged contacts (so the audit trail shows only real changes) and replaces the others.</summary>
    private void ApplyContacts(IReadOnlyList<PortalContactDetails> contacts)
    {
        var unchanged = _contacts.Count == contacts.Count && _contacts.OrderBy(c => c.Position).Zip(contacts).All(p => p.First.SameAs(p.Second));
        if (unchanged)
        {
            return;
        }

        _contacts.Clear();
        var position = 0;
        foreach (var contact in contacts)
        {
            _contacts.Add(PortalContact.Create(contact, position++));
        }
    }

    /// <summary>Multi-line text: lines trimmed, runs of blank lines kept as one paragraph break.</summary>
    internal static string? OptionalParagraphs(string? value)
    {
        var paragraphs = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(VietnameseText.Clean).Where(p => p.Length > 0).ToList();
        return paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs);
    }

    internal static string? Optional(string? value)
    {
        var cleaned = VietnameseText.Clean(value);
        return cleaned.Length == 0 ? null : cleaned;
    }
}

/// <summary>The editable settings.</summary>
public sealed record PortalSettingsDetails(
    string PortalName,
    string? GoverningAgency,
    string? EditorInChief,
    string? Licence,
    string? LicenceIssued,
    string? Address,
    string? Phone,
    string? Email,
    string? UnitCode)
{
    /// <summary>The portal's name in English.</summary>
    public string? EnglishName { get; init; }

    /// <summary>The organisation described in English.</summary>
    public string? EnglishDescription { get; init; }

    /// <summary>The officials in charge, in display order.</summary>
    public IReadOnlyList<PortalContactDetails> Contacts { get; init; } = [];

    /// <summary>The rules every entry path (form, demo) shares; field names are the property names.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (VietnameseText.Clean(EnglishName).Length > PortalSettings.LineMaxLength)
        {
            errors.Add(Error.Validation($"Tên tiếng Anh dài quá {PortalSettings.LineMaxLength} ký tự.", nameof(EnglishName)));
        }

        if ((PortalSettings.OptionalParagraphs(EnglishDescription)?.Length ?? 0) > PortalSettings.DescriptionMaxLength)
        {
            errors.Add(Error.Validation($"Giới thiệu bằng tiếng Anh dài quá {PortalSettings.DescriptionMaxLength} ký tự.", nameof(EnglishDescription)));
        }

        if (Contacts.Count > PortalSettings.MaxContacts)
        {
            errors.Add(Error.Validation($"Tối đa {PortalSettings.MaxContacts} người liên hệ.", nameof(Contacts)));
        }

        errors.AddRange(Contacts.SelectMany((c, i) => c.Validate(i + 1)));
        if (VietnameseText.Clean(PortalName).Length == 0)
        {
            errors.Add(Error.Validation("Tên cổng thông tin không được để trống.", nameof(PortalName)));
        }

        foreach (var (value, field, label, max) in new[]
        {
            (PortalName, nameof(PortalName), "Tên cổng thông tin", PortalSettings.LineMaxLength),
            (GoverningAgency, nameof(GoverningAgency), "Dòng cơ quan chủ quản", PortalSettings.LineMaxLength),
            (EditorInChief, nameof(EditorInChief), "Dòng trưởng ban biên tập", PortalSettings.LineMaxLength),
            (Licence, nameof(Licence), "Dòng giấy phép", PortalSettings.LineMaxLength),
            (LicenceIssued, nameof(LicenceIssued), "Dòng ngày cấp và nơi cấp", PortalSettings.LineMaxLength),
            (Address, nameof(Address), "Địa chỉ", PortalSettings.LineMaxLength),
            (Phone, nameof(Phone), "Điện thoại", PortalSettings.PhoneMaxLength),
            (Email, nameof(Email), "Thư điện tử", PortalSettings.EmailMaxLength),
        })
        {
            if (VietnameseText.Clean(value).Length > max)
            {
                errors.Add(Error.Validation($"{label} dài quá {max} ký tự.", field));
            }
        }

        if (PortalSettings.Optional(Email) is { } email && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            errors.Add(Error.Validation("Thư điện tử không đúng định dạng.", nameof(Email)));
        }

        if (PortalSettings.Optional(UnitCode) is { } code && (code.Length is not (2 or 3 or 5) || !code.All(char.IsAsciiDigit)))
        {
            errors.Add(Error.Validation("Mã đơn vị gồm 2, 3 hoặc 5 chữ số.", nameof(UnitCode)));
        }

        return errors;
    }
}
