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
        null,
        null,
        null,
        NamSachDemo.DistrictCode);

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
