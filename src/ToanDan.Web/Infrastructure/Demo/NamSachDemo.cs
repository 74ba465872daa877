using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>
/// Demo places of huyện Nam Sách's 19 units of 2021. The communes are real (official catalogue of
/// 1 July 2021); the villages, agencies, enterprises and schools are plausible demo records, not an
/// official list, and are all valid from 1 January 2019. Deterministic: the same list every time.
/// </summary>
public static class NamSachDemo
{
    /// <summary>Huyện Nam Sách's code.</summary>
    public const string DistrictCode = "291";

    /// <summary>Tỉnh Hải Dương's code.</summary>
    public const string ProvinceCode = "30";

    /// <summary>The date demo places start.</summary>
    public static readonly DateOnly ValidFrom = new(2019, 1, 1);

    /// <summary>The 19 units of 1 July 2021: code, short name, number of residential areas.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, bool IsTown, int ResidentialAreas)> Communes =
    [
        ("10606", "Nam Sách", true, 10),
        ("10609", "Nam Hưng", false, 6),
        ("10612", "Nam Tân", false, 7),
        ("10615", "Hợp Tiến", false, 7),
        ("10618", "Hiệp Cát", false, 6),
        ("10621", "Thanh Quang", false, 6),
        ("10624", "Quốc Tuấn", false, 7),
        ("10627", "Nam Chính", false, 5),
        ("10630", "An Bình", false, 6),
        ("10633", "Nam Trung", false, 6),
        ("10636", "An Sơn", false, 5),
        ("10639", "Cộng Hòa", false, 8),
        ("10642", "Thái Tân", false, 7),
        ("10645", "An Lâm", false, 6),
        ("10648", "Phú Điền", false, 5),
        ("10651", "Nam Hồng", false, 5),
        ("10654", "Hồng Phong", false, 7),
        ("10657", "Đồng Lạc", false, 6),
        ("10666", "Minh Tân", false, 6),
    ];

    private static readonly string[] VillageNames =
    [
        "Đông", "Đoài", "Thượng", "Hạ", "Trung", "Nam", "Bắc", "Cả", "Trại", "Mới", "An Thường", "Tân Thành", "Phú Lộc",
    ];

    private static readonly (string Name, EnterpriseSize Size)[] EnterpriseTemplates =
    [
        ("Công ty TNHH May mặc {0}", EnterpriseSize.Medium),
        ("Công ty cổ phần Vật liệu xây dựng {0}", EnterpriseSize.Small),
        ("Hợp tác xã Dịch vụ nông nghiệp {0}", EnterpriseSize.Micro),
    ];

    /// <summary>Builds every demo place.</summary>
    public static IReadOnlyList<Place> Places(DateTime nowUtc)
    {
        var places = new List<Place>();
        for (var i = 0; i < Communes.Count; i++)
        {
            var (code, name, isTown, areas) = Communes[i];
            for (var v = 0; v < areas; v++)
            {
                var area = isTown
                    ? Details(PlaceKind.ResidentialArea, $"Khu dân cư số {v + 1}", "khu dân cư")
                    : Details(PlaceKind.ResidentialArea, $"Thôn {VillageNames[(v + i) % VillageNames.Length]}", "thôn");
                places.Add(Build(code, area, nowUtc));
            }

            places.Add(Build(code, Details(PlaceKind.Agency, $"Ủy ban nhân dân {(isTown ? "thị trấn" : "xã")} {name}", "cơ quan nhà nước"), nowUtc));
            places.Add(Build(code, Details(PlaceKind.Agency, $"Trạm Y tế {(isTown ? "thị trấn" : "xã")} {name}", "đơn vị sự nghiệp"), nowUtc));
            places.Add(Build(code, Details(PlaceKind.School, $"Trường Mầm non {name}", null, schoolLevel: SchoolLevel.Preschool), nowUtc));
            places.Add(Build(code, Details(PlaceKind.School, $"Trường Tiểu học {name}", null, schoolLevel: SchoolLevel.Primary), nowUtc));
            places.Add(Build(code, Details(PlaceKind.School, $"Trường THCS {name}", null, schoolLevel: SchoolLevel.LowerSecondary), nowUtc));
            var template = EnterpriseTemplates[i % EnterpriseTemplates.Length];
            places.Add(Build(code, Details(PlaceKind.Enterprise, string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Name, name), "doanh nghiệp", size: template.Size), nowUtc));
            if (i % 4 == 0)
            {
                places.Add(Build(code, Details(PlaceKind.Enterprise, $"Công ty TNHH Điện tử {name}", "doanh nghiệp", size: EnterpriseSize.Large), nowUtc));
            }
        }

        // District-level agencies and schools sit in the town.
        var town = Communes[0].Code;
        places.Add(Build(town, Details(PlaceKind.Agency, "Ủy ban nhân dân huyện Nam Sách", "cơ quan nhà nước"), nowUtc));
        places.Add(Build(town, Details(PlaceKind.Agency, "Trung tâm Y tế huyện Nam Sách", "đơn vị sự nghiệp"), nowUtc));
        places.Add(Build(town, Details(PlaceKind.Agency, "Ban Chỉ huy Quân sự huyện Nam Sách", "lực lượng vũ trang", armedForces: true), nowUtc));
        places.Add(Build(town, Details(PlaceKind.School, "Trường THPT Nam Sách", null, schoolLevel: SchoolLevel.UpperSecondary), nowUtc));
        places.Add(Build(town, Details(PlaceKind.School, "Trường THPT Mạc Đĩnh Chi", null, schoolLevel: SchoolLevel.UpperSecondary), nowUtc));
        places.Add(Build(town, Details(PlaceKind.School, "Trung tâm GDNN-GDTX huyện Nam Sách", null, schoolLevel: SchoolLevel.ContinuingOrVocational), nowUtc));
        return places;
    }

    private static PlaceDetails Details(PlaceKind kind, string name, string? subtype, EnterpriseSize? size = null, SchoolLevel? schoolLevel = null, bool armedForces = false) =>
        new(kind, name, subtype, null, size, schoolLevel, armedForces, ValidFrom, null);

    private static Place Build(string communeCode, PlaceDetails details, DateTime nowUtc)
    {
        var result = Place.Create(communeCode, details, nowUtc);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Errors[0].Message);
    }
}
