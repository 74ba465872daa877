namespace ToanDan.Web;

/// <summary>
/// Marker for the shared string resources. Keys are the Vietnamese texts themselves (Vietnamese is the
/// default culture, so it needs no resource file); Resources/SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
