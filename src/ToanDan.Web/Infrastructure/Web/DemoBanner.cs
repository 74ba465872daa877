using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>Tells the layout whether to show the "dữ liệu minh họa" banner; asks the database once per request.</summary>
public sealed class DemoBanner(ToanDanDb db)
{
    private bool? _isDemo;

    public async Task<bool> IsDemoAsync(CancellationToken ct) => _isDemo ??= await DemoSeeder.IsDemoDatabaseAsync(db, ct);
}
