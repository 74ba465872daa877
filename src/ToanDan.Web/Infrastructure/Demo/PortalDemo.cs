using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.ProcedureStats;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>
/// Demo portal settings (the footer of the Nam Sách district portal, 2021) and demo administrative-procedure
/// results: the district's box as the portal showed it (no dossier in the current month) and invented but plausible
/// monthly figures for four Nam Sách communes in 2020–2021. Demo data, not official figures.
/// </summary>
public static class PortalDemo
{
    /// <summary>The footer of the Nam Sách portal, unit 291 (huyện Nam Sách).</summary>
    public static readonly PortalSettingsDetails Settings = new(
        "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN NAM SÁCH",
        "Cơ quan chủ quản: UBND huyện Nam Sách",
        "Trưởng Ban biên tập: Ông Vũ Quang Hoàng - Huyện ủy viên, Phó Chủ tịch UBND huyện",
        "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 20/GP-STTTT",
        "Ngày 10/2/2017 của Sở Thông tin và Truyền thông tỉnh Hải Dương",
        "Số 1 đường Trần Hưng Đạo, thị trấn Nam Sách, huyện Nam Sách, tỉnh Hải Dương (địa chỉ minh họa)",
        "0220 3750 000 (số minh họa)",
        "bbt.namsach@example.vn",
        NamSachDemo.DistrictCode)
    {
        EnglishName = "Nam Sách District Electronic Portal",
        EnglishDescription = """
            The Nam Sách District Electronic Portal is the official news site of the People's Committee of Nam Sách District, Hải Dương Province, Việt Nam. It publishes news of the district, its legal documents and the results of administrative procedures, and it supports the movement "All People Protect National Security" (Toàn dân bảo vệ an ninh Tổ quốc).

            The governing agency is the People's Committee of Nam Sách District. The portal is run by an editorial board headed by a Vice-Chairman of the District People's Committee, under licence No. 20/GP-STTTT issued on 10 February 2017 by the Department of Information and Communications of Hải Dương Province.

            Demo data: the contacts below are examples, not real officials' details.
            """,
        Contacts =
        [
            new("Ông Vũ Quang Hoàng", "Huyện ủy viên, Phó Chủ tịch UBND huyện, Trưởng Ban biên tập", "Member of the District Party Committee, Vice-Chairman of the District People's Committee, Editor-in-Chief", "0220 3750 001 (số minh họa)", "truongban.namsach@example.vn"),
            new("Ông Nguyễn Văn Minh (tên minh họa)", "Chánh Văn phòng HĐND và UBND huyện, Phó Trưởng Ban biên tập", "Chief of the Office of the District People's Council and People's Committee, Deputy Editor-in-Chief", "0220 3750 002 (số minh họa)", "vanphong.namsach@example.vn"),
            new("Bà Trần Thị Lan (tên minh họa)", "Trưởng Công an huyện phụ trách phong trào Toàn dân bảo vệ ANTQ", "Head of the District Police, in charge of the All People Protect National Security movement", "0220 3750 113 (số minh họa)", "conganhuyen.namsach@example.vn"),
            new("Ông Phạm Đức Thắng (tên minh họa)", "Biên tập viên thường trực", "Duty editor", "0220 3750 003 (số minh họa)", "bientap.namsach@example.vn"),
        ],
    };

    /// <summary>The communes with demo monthly figures.</summary>
    public static readonly IReadOnlyList<string> Communes = ["10606", "10609", "10612", "10639"];

    /// <summary>The demo periods: every month of 2020 and January–August 2021 for <see cref="Communes"/>, and the current month of the district with zeros.</summary>
    public static IReadOnlyList<ProcedurePeriod> Periods(DateOnly today, DateTime nowUtc)
    {
        var periods = new List<ProcedurePeriod>();
        for (var c = 0; c < Communes.Count; c++)
        {
            for (var m = 0; m < 20; m++)
            {
                var year = 2020 + (m / 12);
                var month = (m % 12) + 1;
                periods.Add(ProcedurePeriod.Create(Communes[c], year, month, Figures(c, m), nowUtc).Value);
            }
        }

        periods.Add(ProcedurePeriod.Create(NamSachDemo.DistrictCode, today.Year, today.Month, new ProcedureFigures(0, 0, 0, 0), nowUtc).Value);
        return periods;
    }

    /// <summary>Deterministic figures: 20–60 dossiers a month, a late one now and then.</summary>
    public static ProcedureFigures Figures(int commune, int month)
    {
        var processed = 20 + (((commune * 17) + (month * 11)) % 41);
        var late = (commune + month) % 5 == 0 ? 1 + (month % 3) : 0;
        var received = processed + ((commune + month) % 4) - 1;
        return new ProcedureFigures(received, processed, processed - late, late);
    }
}
