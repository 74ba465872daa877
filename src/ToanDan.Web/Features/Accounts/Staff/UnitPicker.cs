namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>What the <c>_UnitPicker</c> partial shows: suggestions, the last search and where the search button posts.</summary>
public sealed record UnitPicker(IReadOnlyList<UnitName> Pickable, string? Text, IReadOnlyList<UnitName>? Found, string? Error, string Action);
