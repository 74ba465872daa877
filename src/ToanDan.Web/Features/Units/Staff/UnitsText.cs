using Microsoft.Extensions.Localization;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>
/// Unit and place wording in the interface language. The Vietnamese labels of <see cref="UnitLabels"/>,
/// <see cref="UnitKinds"/> and <see cref="PlaceLabels"/> are the keys of their English translations.
/// </summary>
public static class UnitsText
{
    /// <summary>The unit kind, e.g. "thị trấn" or "township".</summary>
    public static string Kind(this IStringLocalizer l, UnitKind kind)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[kind.Vietnamese()];
    }

    /// <summary>The place kind, e.g. "Khu dân cư" or "Residential area".</summary>
    public static string Kind(this IStringLocalizer l, PlaceKind kind)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[PlaceLabels.Kinds[kind]];
    }

    /// <summary>The enterprise size, e.g. "Vừa" or "Medium".</summary>
    public static string Size(this IStringLocalizer l, EnterpriseSize size)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[PlaceLabels.Sizes[size]];
    }

    /// <summary>The school level, e.g. "Tiểu học" or "Primary".</summary>
    public static string Level(this IStringLocalizer l, SchoolLevel level)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[PlaceLabels.SchoolLevels[level]];
    }

    /// <summary>How a predecessor passed into a successor, e.g. "một phần" or "in part".</summary>
    public static string Share(this IStringLocalizer l, SuccessionShare share)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[UnitLabels.Share(share)];
    }

    /// <summary>The first day of a period: dd/MM/yyyy, or "before the first catalogue".</summary>
    public static string From(this IStringLocalizer l, DateOnly? validFrom)
    {
        ArgumentNullException.ThrowIfNull(l);
        return validFrom is null ? l[UnitLabels.BeforeFirstCatalogue] : UnitLabels.From(validFrom);
    }

    /// <summary>The last day of a period: dd/MM/yyyy, or "present".</summary>
    public static string Until(this IStringLocalizer l, DateOnly? validTo)
    {
        ArgumentNullException.ThrowIfNull(l);
        return validTo is null ? l[UnitLabels.Now] : UnitLabels.Until(validTo);
    }

    /// <summary>A whole period in words, as <see cref="UnitLabels.Period"/> in Vietnamese.</summary>
    public static string Period(this IStringLocalizer l, DateOnly? validFrom, DateOnly? validTo)
    {
        ArgumentNullException.ThrowIfNull(l);
        return validTo is null
            ? l["từ {0} đến nay", l.From(validFrom)]
            : l["từ {0} đến hết {1}", l.From(validFrom), l.Until(validTo)];
    }

    /// <summary>As <see cref="PlaceDisplay.SizeOrLevel"/>, in the interface language.</summary>
    public static string SizeOrLevel(this IStringLocalizer l, PlaceDetails details)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(details);
        return details switch
        {
            { Kind: PlaceKind.Enterprise, EnterpriseSize: { } size } => l["Quy mô {0}", l.Size(size).ToLowerInvariant()],
            { Kind: PlaceKind.School, SchoolLevel: { } level } => l.Level(level),
            { Kind: PlaceKind.Agency, IsArmedForces: true } => l["Lực lượng vũ trang"],
            _ => "",
        };
    }

    /// <summary>Every Vietnamese label these helpers look up, so that a test can check each has an English entry.</summary>
    public static IEnumerable<string> Keys =>
        Enum.GetValues<UnitKind>().Select(k => k.Vietnamese())
            .Concat(PlaceLabels.Kinds.Values)
            .Concat(PlaceLabels.Sizes.Values)
            .Concat(PlaceLabels.SchoolLevels.Values)
            .Concat(Enum.GetValues<SuccessionShare>().Select(UnitLabels.Share))
            .Concat([UnitLabels.BeforeFirstCatalogue, UnitLabels.Now]);
}
