using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Scoring;

/// <summary>A province defines its own sheet of a kind from a year on (lines "code | title | max"), with grade thresholds.</summary>
public static class SaveScoreSheet
{
    public sealed record Command(string ProvinceCode, ScoreSheetKind Kind, int FromYear, string? Name, string? Basis, string? Lines, decimal Excellent, decimal Good, decimal Average);

    public sealed class Handler(ToanDanDb db, UserScopes scopes, UnitTree tree, ScoringAccess access, TimeProvider clock)
    {
        public async Task<Result<Guid>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var province = (input.ProvinceCode ?? "").Trim();
            if (province.Length == 0 || !await scopes.CanAsync(user, ScoringPermissions.ManageSheets, province, access.Today, ct))
            {
                return Error.NotFound($"Không có tỉnh mã {province} trong phạm vi của tài khoản.");
            }

            if (!(await tree.HistoryAsync(province, ct)).Any(p => p.Level == UnitLevel.Province))
            {
                return Error.Validation($"Mã {province} không phải là tỉnh, thành phố.", "ProvinceCode");
            }

            var created = ScoreSheet.Create(province, input.Kind, input.FromYear, input.Name, input.Basis, input.Lines,
                new GradeThresholds(input.Excellent, input.Good, input.Average, true), clock.GetUtcNow().UtcDateTime);
            if (!created.IsSuccess)
            {
                return Result<Guid>.Failure(created.Errors);
            }

            if (await db.ScoreSheets.AnyAsync(s => s.ProvinceCode == province && s.Kind == input.Kind && s.FromYear == input.FromYear, ct))
            {
                return Error.Conflict($"Tỉnh đã có bảng điểm loại này áp dụng từ năm {input.FromYear}; hãy chọn năm khác (bảng mới thay bảng cũ từ năm đó).", "FromYear");
            }

            db.ScoreSheets.Add(created.Value);
            await db.SaveChangesAsync(ct);
            return created.Value.Id;
        }
    }
}
