using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Safety;

/// <summary>Adds a provincial criterion to the checklist of a kind (TT 124/2021 Điều 8.1: "tiêu chí bổ sung của tỉnh").</summary>
public static class AddSafetyCriterion
{
    public sealed record Command(string ProvinceCode, SafetySubjectKind Kind, string? Code, string? Text, string? Citation, int FromYear, int? ToYear);

    public sealed class Handler(ToanDanDb db, UserScopes scopes, UnitTree tree, SafetyAccess access, TimeProvider clock)
    {
        public async Task<Result<Guid>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var province = (input.ProvinceCode ?? "").Trim();
            var today = access.Today;
            if (province.Length == 0 || !await scopes.CanAsync(user, SafetyPermissions.ManageCriteria, province, today, ct))
            {
                return Error.NotFound($"Không có tỉnh mã {province} trong phạm vi của tài khoản.");
            }

            if (!(await tree.HistoryAsync(province, ct)).Any(p => p.Level == UnitLevel.Province))
            {
                return Error.Validation($"Mã {province} không phải là tỉnh, thành phố.", "ProvinceCode");
            }

            var created = SafetyCriterion.Create(province, input.Kind, input.Code, input.Text, input.Citation, input.FromYear, input.ToYear, clock.GetUtcNow().UtcDateTime);
            if (!created.IsSuccess)
            {
                return Result<Guid>.Failure(created.Errors);
            }

            var criterion = created.Value;
            if (SafetyCriteria.National(criterion.Kind, criterion.FromYear).Any(c => c.Code == criterion.Code)
                || await db.SafetyCriteria.AnyAsync(c => c.ProvinceCode == province && c.Kind == criterion.Kind && c.Code == criterion.Code, ct))
            {
                return Error.Conflict($"Mã tiêu chí {criterion.Code} đã có.", "Code");
            }

            db.SafetyCriteria.Add(criterion);
            await db.SaveChangesAsync(ct);
            return criterion.Id;
        }
    }
}
