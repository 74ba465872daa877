namespace ToanDan.Web.Features.Units.Staff;

/// <summary>How place details read in tables.</summary>
public static class PlaceDisplay
{
    /// <summary>The enterprise size, the school level, or "lực lượng vũ trang" for an armed-forces agency.</summary>
    public static string SizeOrLevel(PlaceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details switch
        {
            { Kind: PlaceKind.Enterprise, EnterpriseSize: { } size } => "Quy mô " + PlaceLabels.Sizes[size].ToLowerInvariant(),
            { Kind: PlaceKind.School, SchoolLevel: { } level } => PlaceLabels.SchoolLevels[level],
            { Kind: PlaceKind.Agency, IsArmedForces: true } => "Lực lượng vũ trang",
            _ => "",
        };
    }
}
