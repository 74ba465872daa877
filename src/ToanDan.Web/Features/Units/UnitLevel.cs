namespace ToanDan.Web.Features.Units;

/// <summary>The three levels of the administrative tree. District exists only before 1 July 2025.</summary>
public enum UnitLevel
{
    /// <summary>Cấp tỉnh: tỉnh or thành phố trực thuộc trung ương.</summary>
    Province,

    /// <summary>Cấp huyện: huyện, quận, thị xã, thành phố thuộc tỉnh (historic since 1 July 2025).</summary>
    District,

    /// <summary>Cấp xã: xã, phường, thị trấn, đặc khu.</summary>
    Commune,
}
