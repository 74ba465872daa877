namespace ToanDan.Web.Features.Units;

/// <summary>The kinds of place under a commune that the movement certifies and reports on (TT 124/2021 Điều 1).</summary>
public enum PlaceKind
{
    /// <summary>Khu dân cư (KDC): thôn, làng, ấp, bản, tổ dân phố, khu phố…</summary>
    ResidentialArea,

    /// <summary>Cơ quan.</summary>
    Agency,

    /// <summary>Doanh nghiệp.</summary>
    Enterprise,

    /// <summary>Cơ sở giáo dục.</summary>
    School,
}

/// <summary>Size class of an enterprise (Nghị định 80/2021/NĐ-CP). Micro and small ones are outside TT 124/2021.</summary>
public enum EnterpriseSize
{
    /// <summary>Siêu nhỏ.</summary>
    Micro,

    /// <summary>Nhỏ.</summary>
    Small,

    /// <summary>Vừa.</summary>
    Medium,

    /// <summary>Lớn.</summary>
    Large,
}

/// <summary>Level of a school. Crèches, kindergartens and primary schools are outside TT 124/2021.</summary>
public enum SchoolLevel
{
    /// <summary>Mầm non (nhà trẻ, mẫu giáo).</summary>
    Preschool,

    /// <summary>Tiểu học.</summary>
    Primary,

    /// <summary>Trung học cơ sở.</summary>
    LowerSecondary,

    /// <summary>Trung học phổ thông.</summary>
    UpperSecondary,

    /// <summary>Nhiều cấp học (liên cấp).</summary>
    MultiLevel,

    /// <summary>Giáo dục thường xuyên, giáo dục nghề nghiệp.</summary>
    ContinuingOrVocational,

    /// <summary>Cao đẳng, đại học.</summary>
    Higher,
}

/// <summary>Vietnamese labels and parsing for place enums, shared by pages, imports and exports.</summary>
public static class PlaceLabels
{
    public static readonly IReadOnlyDictionary<PlaceKind, string> Kinds = new Dictionary<PlaceKind, string>
    {
        [PlaceKind.ResidentialArea] = "Khu dân cư",
        [PlaceKind.Agency] = "Cơ quan",
        [PlaceKind.Enterprise] = "Doanh nghiệp",
        [PlaceKind.School] = "Cơ sở giáo dục",
    };

    public static readonly IReadOnlyDictionary<EnterpriseSize, string> Sizes = new Dictionary<EnterpriseSize, string>
    {
        [EnterpriseSize.Micro] = "Siêu nhỏ",
        [EnterpriseSize.Small] = "Nhỏ",
        [EnterpriseSize.Medium] = "Vừa",
        [EnterpriseSize.Large] = "Lớn",
    };

    public static readonly IReadOnlyDictionary<SchoolLevel, string> SchoolLevels = new Dictionary<SchoolLevel, string>
    {
        [SchoolLevel.Preschool] = "Mầm non",
        [SchoolLevel.Primary] = "Tiểu học",
        [SchoolLevel.LowerSecondary] = "Trung học cơ sở",
        [SchoolLevel.UpperSecondary] = "Trung học phổ thông",
        [SchoolLevel.MultiLevel] = "Liên cấp",
        [SchoolLevel.ContinuingOrVocational] = "GDTX, giáo dục nghề nghiệp",
        [SchoolLevel.Higher] = "Cao đẳng, đại học",
    };

    /// <summary>Common names for the residential-area subtype (TT 124/2021 Điều 2.1).</summary>
    public static readonly IReadOnlyList<string> ResidentialSubtypes =
        ["thôn", "làng", "xóm", "ấp", "bản", "buôn", "phum", "sóc", "khóm", "tổ dân phố", "khu phố", "khu dân cư"];

    /// <summary>The stable key used in figure keys and exports, e.g. <c>residentialArea</c>.</summary>
    public static string Key(this PlaceKind kind) => kind switch
    {
        PlaceKind.ResidentialArea => "residentialArea",
        PlaceKind.Agency => "agency",
        PlaceKind.Enterprise => "enterprise",
        PlaceKind.School => "school",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a kind from its key, its enum name or its Vietnamese label (diacritics-insensitive).</summary>
    public static bool TryParseKind(string? text, out PlaceKind kind) => TryParse(text, Kinds, k => k.Key(), out kind);

    public static bool TryParseSize(string? text, out EnterpriseSize size) => TryParse(text, Sizes, s => s.ToString(), out size);

    public static bool TryParseSchoolLevel(string? text, out SchoolLevel level) => TryParse(text, SchoolLevels, s => s.ToString(), out level);

    private static bool TryParse<T>(string? text, IReadOnlyDictionary<T, string> labels, Func<T, string> key, out T value)
        where T : struct, Enum
    {
        var folded = Infrastructure.Text.VietnameseText.Fold(text);
        foreach (var (candidate, label) in labels)
        {
            if (folded == Infrastructure.Text.VietnameseText.Fold(label)
                || folded == Infrastructure.Text.VietnameseText.Fold(key(candidate))
                || folded == Infrastructure.Text.VietnameseText.Fold(candidate.ToString()))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
