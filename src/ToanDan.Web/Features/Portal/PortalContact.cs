using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Portal;

/// <summary>
/// An official in charge of the portal or of the governing agency, as Nghị định 42/2022/NĐ-CP requires the portal
/// to publish (name, title, phone, e-mail). Part of <see cref="PortalSettings"/>; shown on <c>/lien-he</c> and
/// <c>/en</c> in <see cref="Position"/> order.
/// </summary>
public sealed class PortalContact : IAudited
{
    public const int NameMaxLength = 100;
    public const int TitleMaxLength = 200;

    private PortalContact()
    {
    }

    public Guid Id { get; private set; }

    public int SettingsId { get; private set; }

    public int Position { get; private set; }

    /// <summary>Full name, e.g. "Ông Vũ Quang Hoàng".</summary>
    public string Name { get; private set; } = "";

    /// <summary>Title in Vietnamese, e.g. "Phó Chủ tịch UBND huyện, Trưởng Ban biên tập".</summary>
    public string Title { get; private set; } = "";

    /// <summary>Title in English for the English page; the Vietnamese one is shown when empty.</summary>
    public string? EnglishTitle { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    string IAudited.AuditModule => "Portal";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => null;

    internal static PortalContact Create(PortalContactDetails details, int position) => new()
    {
        Id = Guid.CreateVersion7(),
        Position = position,
        Name = VietnameseText.Clean(details.Name),
        Title = VietnameseText.Clean(details.Title),
        EnglishTitle = PortalSettings.Optional(details.EnglishTitle),
        Phone = PortalSettings.Optional(details.Phone),
        Email = PortalSettings.Optional(details.Email),
    };

    public PortalContactDetails ToDetails() => new(Name, Title, EnglishTitle, Phone, Email);

    internal bool SameAs(PortalContactDetails details) =>
        Name == VietnameseText.Clean(details.Name) && Title == VietnameseText.Clean(details.Title) && EnglishTitle == PortalSettings.Optional(details.EnglishTitle)
        && Phone == PortalSettings.Optional(details.Phone) && Email == PortalSettings.Optional(details.Email);
}

/// <summary>A contact as entered (and as the portal shows it).</summary>
public sealed record PortalContactDetails(string Name, string Title, string? EnglishTitle, string? Phone, string? Email)
{
    /// <summary>The rules of one contact; <paramref name="row"/> (from 1) names it in messages.</summary>
    public IReadOnlyList<Error> Validate(int row)
    {
        var errors = new List<Error>();
        const string field = nameof(PortalSettingsDetails.Contacts);
        var name = VietnameseText.Clean(Name);
        if (name.Length == 0 || name.Length > PortalContact.NameMaxLength)
        {
            errors.Add(Error.Validation($"Người liên hệ {row}: họ tên phải có từ 1 đến {PortalContact.NameMaxLength} ký tự.", field));
        }

        var title = VietnameseText.Clean(Title);
        if (title.Length == 0 || title.Length > PortalContact.TitleMaxLength || VietnameseText.Clean(EnglishTitle).Length > PortalContact.TitleMaxLength)
        {
            errors.Add(Error.Validation($"Người liên hệ {row}: chức vụ phải có từ 1 đến {PortalContact.TitleMaxLength} ký tự (tiếng Anh tối đa {PortalContact.TitleMaxLength}).", field));
        }

        if (VietnameseText.Clean(Phone).Length > PortalSettings.PhoneMaxLength)
        {
            errors.Add(Error.Validation($"Người liên hệ {row}: điện thoại dài quá {PortalSettings.PhoneMaxLength} ký tự.", field));
        }

        if (PortalSettings.Optional(Email) is { } email && (email.Length > PortalSettings.EmailMaxLength || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email)))
        {
            errors.Add(Error.Validation($"Người liên hệ {row}: thư điện tử không đúng định dạng.", field));
        }

        return errors;
    }
}
