using System.Security.Claims;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.ProcedureStats;
using ToanDan.Web.Features.Reports;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Infrastructure.Web;

/// <summary>The staff menu: each entry shows only to users who hold its permission somewhere.</summary>
public sealed class StaffMenu(PermissionCatalog catalog)
{
    /// <summary>A menu entry; <see cref="Label"/> is the Vietnamese text (a resource key).</summary>
    public sealed record Item(string Label, string Url, string Permission);

    /// <summary>Every entry, in menu order. A module adds its pages here.</summary>
    public static IReadOnlyList<Item> All { get; } =
    [
        new("Đơn vị hành chính", "/staff/units", UnitsPermissions.View),
        new("An toàn về ANTT", "/staff/safety", SafetyPermissions.View),
        new("Chấm điểm phong trào", "/staff/scoring", ScoringPermissions.View),
        new("Tin báo, tố giác tội phạm", "/staff/tips", TipsPermissions.View),
        new("Tin bài", "/staff/news", NewsPermissions.Edit),
        new("Chuyên mục tin", "/staff/news/categories", NewsPermissions.Publish),
        new("Thư viện ảnh", "/staff/media", NewsPermissions.Edit),
        new("Mô hình, điển hình tiên tiến", "/staff/models", ModelsPermissions.View),
        new("Tổng hợp theo xã", "/staff/reports/overview", ReportsPermissions.ViewAnnual),
        new("Kết quả giải quyết thủ tục hành chính", "/staff/procedure-stats", ProcedureStatsPermissions.Edit),
        new("Thông tin cổng", "/staff/portal/settings", PortalPermissions.EditSettings),
        new("Xã vùng sâu, vùng xa, hải đảo", "/staff/tips/remote-units", TipsPermissions.Configure),
        new("Tài khoản", "/staff/users", AccountsPermissions.ManageUsers),
        new("Nhật ký thao tác", "/staff/audit", AuditPermissions.View),
    ];

    /// <summary>The entries <paramref name="user"/> may open.</summary>
    public IReadOnlyList<Item> For(ClaimsPrincipal user)
    {
        var held = catalog.For(user.Assignments().Select(a => a.Role));
        return All.Where(i => held.Contains(i.Permission)).ToList();
    }
}
