using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.News;

/// <summary>Permissions of the News module (the portal's newsroom).</summary>
public sealed class NewsPermissions : IPermissionProvider
{
    /// <summary>Write and edit drafts of the portal's articles in scope, submit them and take them back to draft.</summary>
    public const string Edit = "news.edit";

    /// <summary>
    /// Approve, publish, schedule and withdraw articles in scope, edit approved or published ones, choose the home
    /// page's featured news and manage the portal's categories.
    /// </summary>
    public const string Publish = "news.publish";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Edit, "Soạn, sửa tin bài và gửi duyệt", "Write and edit articles and submit them for approval",
            [SystemAdministrator, PortalEditor, EditorInChief]),
        new(Publish, "Duyệt, xuất bản, hẹn giờ, gỡ tin bài; chọn tin nổi bật; quản lý chuyên mục", "Approve, publish, schedule and withdraw articles; choose featured news; manage categories",
            [SystemAdministrator, EditorInChief]),
    ];
}
