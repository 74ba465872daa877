using ToanDan.Web.Infrastructure.Authorization;
using static ToanDan.Web.Infrastructure.Authorization.StaffRole;

namespace ToanDan.Web.Features.Models;

/// <summary>Permissions of the Models module (mô hình, cụm liên kết, điển hình tiên tiến).</summary>
public sealed class ModelsPermissions : IPermissionProvider
{
    /// <summary>See the models, replication points, clusters, evaluations and exemplars of units in scope, and export them.</summary>
    public const string View = "models.view";

    /// <summary>Create and edit models, points, cluster members, evaluations and exemplars of units in scope, and import model lists.</summary>
    public const string Edit = "models.edit";

    /// <summary>Edit the catalogues of model kinds and fields.</summary>
    public const string Catalogue = "models.catalogue";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Xem mô hình, cụm liên kết, điển hình tiên tiến", "View models, linked clusters and exemplars",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice, MassOrganisation, Leader]),
        new(Edit, "Nhập, sửa mô hình, điểm nhân rộng, cụm liên kết, đánh giá và điển hình tiên tiến", "Record and edit models, replication points, clusters, evaluations and exemplars",
            [SystemAdministrator, ProvincePolice, DistrictPolice, CommunePolice]),
        new(Catalogue, "Sửa danh mục loại và lĩnh vực mô hình", "Edit the catalogues of model kinds and fields",
            [SystemAdministrator, ProvincePolice]),
    ];
}
