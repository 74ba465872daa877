using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Features.ProcedureStats.Staff;

/// <summary>The name a unit code last had (for headings; units may no longer exist today).</summary>
internal static class UnitNames
{
    public static async Task<string?> LastNameAsync(UnitTree tree, string code, CancellationToken ct)
    {
        var history = await tree.HistoryAsync(code, ct);
        return history.Count > 0 ? history[^1].Name : null;
    }
}
