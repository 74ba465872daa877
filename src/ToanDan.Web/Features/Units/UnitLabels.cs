using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units;

/// <summary>Vietnamese wording of unit periods and successor links, shared by pages, messages and exports.</summary>
public static class UnitLabels
{
    /// <summary>"trước danh mục đầu tiên" when a period has no known start.</summary>
    public const string BeforeFirstCatalogue = "trước danh mục đầu tiên";

    /// <summary>"nay" when a period has not ended.</summary>
    public const string Now = "nay";

    /// <summary>The first day of a period, as shown: dd/MM/yyyy or "trước danh mục đầu tiên".</summary>
    public static string From(DateOnly? validFrom) => validFrom is { } from ? VietnamTime.Format(from) : BeforeFirstCatalogue;

    /// <summary>The last day of a period, as shown: the day before the exclusive end, or "nay".</summary>
    public static string Until(DateOnly? validTo) => validTo is { } to ? VietnamTime.Format(to.AddDays(-1)) : Now;

    /// <summary>A whole period in words, e.g. "từ 01/07/2021 đến hết 28/02/2025" or "từ 01/07/2025 đến nay".</summary>
    public static string Period(DateOnly? validFrom, DateOnly? validTo) =>
        $"từ {From(validFrom)} {(validTo is null ? "đến nay" : "đến hết " + Until(validTo))}";

    /// <summary>How a predecessor passed into a successor, in Vietnamese.</summary>
    public static string Share(SuccessionShare share) => share switch
    {
        SuccessionShare.Whole => "toàn bộ",
        SuccessionShare.Part => "một phần",
        SuccessionShare.Renamed => "đổi tên",
        SuccessionShare.Reparented => "chuyển đơn vị cấp trên",
        _ => share.ToString(),
    };

    /// <summary>A day inside the period, to link to it: its last day, or today (or its start, if later) while it holds.</summary>
    public static DateOnly DayWithin(UnitView period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.ValidTo is { } to)
        {
            return to.AddDays(-1);
        }

        return period.ValidFrom is { } from && from > today ? from : today;
    }
}
