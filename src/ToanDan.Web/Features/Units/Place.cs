using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Units;

/// <summary>
/// A place under a commune that the movement works with: a residential area (KDC), an agency,
/// an enterprise or a school. Places have their own validity so that a village merged in 2023 is
/// still there for 2020 reports.
/// </summary>
public sealed class Place : IAudited
{
    /// <summary>Longest name accepted.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Longest subtype accepted.</summary>
    public const int SubtypeMaxLength = 50;

    /// <summary>Longest address accepted.</summary>
    public const int AddressMaxLength = 300;

    private Place()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The commune (its official code) the place belongs to.</summary>
    public string CommuneCode { get; private set; } = "";

    public PlaceKind Kind { get; private set; }

    /// <summary>For a KDC the local word (thôn, tổ dân phố…); for others a free description.</summary>
    public string? Subtype { get; private set; }

    public string Name { get; private set; } = "";

    public string SearchName { get; private set; } = "";

    public string? Address { get; private set; }

    /// <summary>Only for enterprises.</summary>
    public EnterpriseSize? EnterpriseSize { get; private set; }

    /// <summary>Only for schools.</summary>
    public SchoolLevel? SchoolLevel { get; private set; }

    /// <summary>Only for agencies: units of the armed forces are outside TT 124/2021.</summary>
    public bool IsArmedForces { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Exclusive end of validity; null while the place exists.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);

    string IAudited.AuditModule => "Units";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => CommuneCode;

    /// <summary>The editable details as they are now.</summary>
    public PlaceDetails ToDetails() => new(Kind, Name, Subtype, Address, EnterpriseSize, SchoolLevel, IsArmedForces, ValidFrom, ValidTo);

    /// <summary>Creates a place after checking its fields.</summary>
    public static Result<Place> Create(string communeCode, PlaceDetails details, DateTime nowUtc)
    {
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            return Result<Place>.Failure(errors);
        }

        var place = new Place
        {
            Id = Guid.CreateVersion7(),
            CommuneCode = communeCode,
            CreatedAtUtc = nowUtc,
        };
        place.Apply(details, nowUtc);
        place.Version = 1;
        return place;
    }

    /// <summary>Changes the place's details after checking them.</summary>
    public IReadOnlyList<Error> Update(PlaceDetails details, DateTime nowUtc)
    {
        var errors = details.Validate();
        if (errors.Count == 0)
        {
            Apply(details, nowUtc);
            Version++;
        }

        return errors;
    }

    private void Apply(PlaceDetails details, DateTime nowUtc)
    {
        Kind = details.Kind;
        Name = VietnameseText.Clean(details.Name);
        SearchName = VietnameseText.Fold(details.Name);
        Subtype = NullIfEmpty(details.Subtype);
        Address = NullIfEmpty(details.Address);
        EnterpriseSize = details.Kind == PlaceKind.Enterprise ? details.EnterpriseSize : null;
        SchoolLevel = details.Kind == PlaceKind.School ? details.SchoolLevel : null;
        IsArmedForces = details.Kind == PlaceKind.Agency && details.IsArmedForces;
        ValidFrom = details.ValidFrom;
        ValidTo = details.ValidTo;
        UpdatedAtUtc = nowUtc;
    }

    private static string? NullIfEmpty(string? value)
    {
        var cleaned = VietnameseText.Clean(value);
        return cleaned.Length == 0 ? null : cleaned;
    }
}

/// <summary>The editable details of a place.</summary>
public sealed record PlaceDetails(
    PlaceKind Kind,
    string Name,
    string? Subtype,
    string? Address,
    EnterpriseSize? EnterpriseSize,
    SchoolLevel? SchoolLevel,
    bool IsArmedForces,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    /// <summary>The field rules every entry path (form, spreadsheet import, demo) shares.</summary>
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        var name = VietnameseText.Clean(Name);
        if (name.Length == 0)
        {
            errors.Add(Error.Validation("Tên không được để trống.", nameof(Name)));
        }
        else if (name.Length > Place.NameMaxLength)
        {
            errors.Add(Error.Validation($"Tên dài quá {Place.NameMaxLength} ký tự.", nameof(Name)));
        }

        if (VietnameseText.Clean(Subtype).Length > Place.SubtypeMaxLength)
        {
            errors.Add(Error.Validation($"Phân loại dài quá {Place.SubtypeMaxLength} ký tự.", nameof(Subtype)));
        }

        if (VietnameseText.Clean(Address).Length > Place.AddressMaxLength)
        {
            errors.Add(Error.Validation($"Địa chỉ dài quá {Place.AddressMaxLength} ký tự.", nameof(Address)));
        }

        if (Kind == PlaceKind.Enterprise && EnterpriseSize is null)
        {
            errors.Add(Error.Validation("Doanh nghiệp cần có quy mô (siêu nhỏ, nhỏ, vừa, lớn).", nameof(EnterpriseSize)));
        }

        if (Kind == PlaceKind.School && SchoolLevel is null)
        {
            errors.Add(Error.Validation("Cơ sở giáo dục cần có cấp học.", nameof(SchoolLevel)));
        }

        if (ValidTo is { } end && end <= ValidFrom)
        {
            errors.Add(Error.Validation("Ngày hết hiệu lực phải sau ngày bắt đầu.", nameof(ValidTo)));
        }

        return errors;
    }
}
