namespace ToanDan.Web.Features.Units;

/// <summary>The Vietnamese type of an administrative unit (the catalogue's <c>division_type</c>).</summary>
public enum UnitKind
{
    /// <summary>tỉnh</summary>
    Province,

    /// <summary>thành phố trung ương</summary>
    CentralCity,

    /// <summary>huyện</summary>
    RuralDistrict,

    /// <summary>quận</summary>
    UrbanDistrict,

    /// <summary>thị xã</summary>
    DistrictTown,

    /// <summary>thành phố (thuộc tỉnh hoặc thuộc thành phố trung ương)</summary>
    ProvincialCity,

    /// <summary>xã</summary>
    Commune,

    /// <summary>phường</summary>
    Ward,

    /// <summary>thị trấn</summary>
    Township,

    /// <summary>đặc khu</summary>
    SpecialZone,
}

/// <summary>Vietnamese names of unit kinds and their levels.</summary>
public static class UnitKinds
{
    private static readonly Dictionary<UnitKind, (string Vietnamese, UnitLevel Level)> Table = new()
    {
        [UnitKind.Province] = ("tỉnh", UnitLevel.Province),
        [UnitKind.CentralCity] = ("thành phố trung ương", UnitLevel.Province),
        [UnitKind.RuralDistrict] = ("huyện", UnitLevel.District),
        [UnitKind.UrbanDistrict] = ("quận", UnitLevel.District),
        [UnitKind.DistrictTown] = ("thị xã", UnitLevel.District),
        [UnitKind.ProvincialCity] = ("thành phố", UnitLevel.District),
        [UnitKind.Commune] = ("xã", UnitLevel.Commune),
        [UnitKind.Ward] = ("phường", UnitLevel.Commune),
        [UnitKind.Township] = ("thị trấn", UnitLevel.Commune),
        [UnitKind.SpecialZone] = ("đặc khu", UnitLevel.Commune),
    };

    /// <summary>The catalogue's lower-case Vietnamese type word, e.g. "thị trấn".</summary>
    public static string Vietnamese(this UnitKind kind) => Table[kind].Vietnamese;

    /// <summary>The level a kind belongs to.</summary>
    public static UnitLevel Level(this UnitKind kind) => Table[kind].Level;

    /// <summary>Reads a catalogue <c>division_type</c> for a unit of the given level.</summary>
    public static bool TryParse(string divisionType, UnitLevel level, out UnitKind kind)
    {
        foreach (var (candidate, info) in Table)
        {
            if (info.Level == level && string.Equals(info.Vietnamese, divisionType, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
