using System.ComponentModel.DataAnnotations;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>The fields of the place form, shared by <see cref="AddPlace"/> and <see cref="EditPlace"/>.</summary>
public abstract record PlaceInput
{
    /// <summary>The names of the form's fields, for mapping handler errors to them.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Kind), nameof(Name), nameof(Subtype), nameof(Address), nameof(EnterpriseSize), nameof(SchoolLevel), nameof(IsArmedForces), nameof(ValidFrom), nameof(ValidTo),
    };

    [Display(Name = "Loại")]
    [Required(ErrorMessage = "Hãy chọn loại địa bàn.")]
    public PlaceKind? Kind { get; init; }

    [Display(Name = "Tên")]
    [Required(ErrorMessage = "Tên không được để trống.")]
    [StringLength(Place.NameMaxLength, ErrorMessage = "Tên dài quá {1} ký tự.")]
    public string? Name { get; init; }

    [Display(Name = "Phân loại")]
    [StringLength(Place.SubtypeMaxLength, ErrorMessage = "Phân loại dài quá {1} ký tự.")]
    public string? Subtype { get; init; }

    [Display(Name = "Địa chỉ")]
    [StringLength(Place.AddressMaxLength, ErrorMessage = "Địa chỉ dài quá {1} ký tự.")]
    public string? Address { get; init; }

    [Display(Name = "Quy mô doanh nghiệp")]
    public EnterpriseSize? EnterpriseSize { get; init; }

    [Display(Name = "Cấp học")]
    public SchoolLevel? SchoolLevel { get; init; }

    [Display(Name = "Thuộc lực lượng vũ trang")]
    [Required(ErrorMessage = "Hãy chọn có hoặc không thuộc lực lượng vũ trang.")]
    public bool IsArmedForces { get; init; }

    [Display(Name = "Ngày bắt đầu")]
    [Required(ErrorMessage = "Hãy nhập ngày bắt đầu.")]
    public DateOnly? ValidFrom { get; init; }

    [Display(Name = "Ngày hết hiệu lực")]
    public DateOnly? ValidTo { get; init; }

    /// <summary>The checks a handler cannot leave to the form: required choices and values outside the enums.</summary>
    internal IReadOnlyList<Error> CheckChoices()
    {
        var errors = new List<Error>();
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(Error.Validation("Hãy chọn loại địa bàn.", nameof(Kind)));
        }

        if (EnterpriseSize is { } size && !Enum.IsDefined(size))
        {
            errors.Add(Error.Validation("Quy mô doanh nghiệp không hợp lệ.", nameof(EnterpriseSize)));
        }

        if (SchoolLevel is { } level && !Enum.IsDefined(level))
        {
            errors.Add(Error.Validation("Cấp học không hợp lệ.", nameof(SchoolLevel)));
        }

        if (ValidFrom is null)
        {
            errors.Add(Error.Validation("Hãy nhập ngày bắt đầu.", nameof(ValidFrom)));
        }

        return errors;
    }

    /// <summary>The details to validate and save; call after <see cref="CheckChoices"/> found nothing.</summary>
    internal PlaceDetails ToDetails() =>
        new(Kind.GetValueOrDefault(), Name ?? "", Subtype, Address, EnterpriseSize, SchoolLevel, IsArmedForces, ValidFrom.GetValueOrDefault(), ValidTo);

    /// <summary>Fills the form from stored details.</summary>
    protected static T From<T>(T empty, PlaceDetails details)
        where T : PlaceInput
    {
        ArgumentNullException.ThrowIfNull(empty);
        ArgumentNullException.ThrowIfNull(details);
        return empty with
        {
            Kind = details.Kind,
            Name = details.Name,
            Subtype = details.Subtype,
            Address = details.Address,
            EnterpriseSize = details.EnterpriseSize,
            SchoolLevel = details.SchoolLevel,
            IsArmedForces = details.IsArmedForces,
            ValidFrom = details.ValidFrom,
            ValidTo = details.ValidTo,
        };
    }
}
