using System.Security.Claims;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// The unit-code helper of the account forms: units whose name or code matches the text (without regard to
/// diacritics) and that the administrator may grant roles on. Units of today's tree are searched, and, for an
/// administrator whose own unit has ended (huyện Nam Sách), that unit's tree on its last day as well.
/// </summary>
public static class FindUnitsInScope
{
    /// <summary>Most units returned.</summary>
    public const int Limit = 20;

    public sealed class Handler(AccountScope scope, UnitTree tree)
    {
        public async Task<Result<IReadOnlyList<UnitName>>> HandleAsync(ClaimsPrincipal admin, string? text, CancellationToken ct)
        {
            var query = (text ?? "").Trim();
            if (query.Length == 0)
            {
                return Error.Validation("Hãy nhập tên hoặc mã đơn vị cần tìm.", "UnitSearch");
            }

            if (query.Length > 100)
            {
                return Error.Validation("Từ khóa tìm đơn vị dài tối đa 100 ký tự.", "UnitSearch");
            }

            var adminUnits = scope.AdminUnits(admin);
            var dates = new SortedSet<DateOnly> { scope.Today };
            foreach (var unit in adminUnits)
            {
                if (await scope.LastDayAsync(unit, ct) is { } last)
                {
                    dates.Add(last);
                }
            }

            var found = new List<UnitName>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var date in dates.Reverse())
            {
                foreach (var unit in await tree.SearchAsync(query, date, Limit * 2, ct))
                {
                    if (found.Count < Limit && seen.Add(unit.Code) && await scope.CoversAsync(adminUnits, unit.Code, ct))
                    {
                        // Named as on its last day in force, with the day it ended if it has.
                        found.Add(await scope.NameAsync(unit.Code, ct) ?? new UnitName(unit.Code, unit.Name, null));
                    }
                }
            }

            return found;
        }
    }
}
