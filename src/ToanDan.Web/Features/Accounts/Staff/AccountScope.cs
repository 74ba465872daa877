using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Authorization;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Accounts.Staff;

/// <summary>
/// Which accounts an administrator may see and change, and which units they may grant roles on.
/// <para>
/// An administrator holds <see cref="AccountsPermissions.ManageUsers"/> on some units. An administrator's unit
/// A covers a unit U when <see cref="UserScopes.CoversAsync"/> says so on the latest date on which both
/// existed: today when both exist today, otherwise the last day of the one that ended first. So the account
/// of huyện Nam Sách (291, abolished on 1 July 2025) keeps administering the accounts of its former
/// communes, and Hải Phòng's administrator (31) covers the accounts still bound to Nam Sách's old units
/// through the successor links. <see cref="RoleAssignment.NationalScope"/> covers every unit and is covered
/// only by itself.
/// </para>
/// <para>
/// An account is visible when at least one of its assignments is covered. Changes that concern the whole
/// account (disable, password, second factor, profile) need every assignment covered, so that a commune
/// administrator cannot take over a province account that also holds a role in the commune.
/// </para>
/// Answers are cached for the request (the service is scoped).
/// </summary>
public sealed class AccountScope(ToanDanDb db, UserScopes scopes, UnitTree tree, PermissionCatalog catalog, TimeProvider clock)
{
    private readonly Dictionary<string, DateOnly?> _lastDays = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Admin, string Unit), bool> _covers = [];
    private readonly Dictionary<string, (DateOnly LastDay, HashSet<string> Subtree)> _subtrees = new(StringComparer.Ordinal);

    /// <summary>Today in Vietnam.</summary>
    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>The units on which <paramref name="admin"/> manages accounts.</summary>
    public IReadOnlyList<string> AdminUnits(ClaimsPrincipal admin) => UserScopes.UnitsWith(admin, catalog, AccountsPermissions.ManageUsers);

    /// <summary>True when one of <paramref name="adminUnits"/> covers <paramref name="unitCode"/>.</summary>
    public async Task<bool> CoversAsync(IReadOnlyList<string> adminUnits, string unitCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adminUnits);
        foreach (var admin in adminUnits)
        {
            if (await CoversAsync(admin, unitCode, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an administrator's unit <paramref name="adminUnit"/> covers <paramref name="unitCode"/> (see the class remarks).</summary>
    public async Task<bool> CoversAsync(string adminUnit, string unitCode, CancellationToken ct)
    {
        if (adminUnit == RoleAssignment.NationalScope || adminUnit == unitCode)
        {
            return true;
        }

        if (unitCode == RoleAssignment.NationalScope)
        {
            return false;
        }

        if (_covers.TryGetValue((adminUnit, unitCode), out var known))
        {
            return known;
        }

        var covered = false;
        var (adminLastDay, subtree) = await SubtreeAsync(adminUnit, ct);
        if (subtree.Contains(unitCode))
        {
            covered = true;
        }
        else if (await LastDayAsync(unitCode, ct) is { } unitLastDay && adminLastDay != DateOnly.MinValue)
        {
            var date = unitLastDay < adminLastDay ? unitLastDay : adminLastDay;

            // A commune in force on the administrator's date but outside the subtree is outside the scope;
            // everything else (a unit that ended earlier, a district or province) goes through the full rule.
            var existing = date == adminLastDay ? await tree.FindAsync(unitCode, date, ct) : null;
            covered = existing is not { Level: UnitLevel.Commune } && await scopes.CoversAsync(adminUnit, unitCode, date, ct);
        }

        _covers[(adminUnit, unitCode)] = covered;
        return covered;
    }

    /// <summary>True when an account holding assignments on <paramref name="assignedUnits"/> is visible to the administrator.</summary>
    public async Task<bool> CanSeeAsync(IReadOnlyList<string> adminUnits, IEnumerable<string> assignedUnits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adminUnits);
        ArgumentNullException.ThrowIfNull(assignedUnits);
        if (adminUnits.Contains(RoleAssignment.NationalScope))
        {
            // Also accounts left without any assignment (possible only through the database itself).
            return true;
        }

        foreach (var unit in assignedUnits)
        {
            if (await CoversAsync(adminUnits, unit, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every one of <paramref name="assignedUnits"/> is covered: the administrator may change the account itself.</summary>
    public async Task<bool> CanManageAsync(IReadOnlyList<string> adminUnits, IEnumerable<string> assignedUnits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adminUnits);
        ArgumentNullException.ThrowIfNull(assignedUnits);
        foreach (var unit in assignedUnits)
        {
            if (!await CoversAsync(adminUnits, unit, ct))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The account <paramref name="userId"/> with its role assignments when it exists and the administrator may
    /// see it; null otherwise (answer "not found"). Tracked for changes unless <paramref name="readOnly"/>
    /// (which also reads past any unsaved change made in this request).
    /// </summary>
    public async Task<User?> FindVisibleAsync(ClaimsPrincipal admin, Guid userId, CancellationToken ct, bool readOnly = false)
    {
        var users = readOnly ? db.Users.AsNoTracking() : db.Users;
        var user = await users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !await CanSeeAsync(AdminUnits(admin), user.Roles.Select(r => r.UnitCode), ct))
        {
            return null;
        }

        return user;
    }

    /// <summary>
    /// Loads an account for a change by <paramref name="admin"/>: not found when missing or invisible; a conflict
    /// when <paramref name="stamp"/> (the form's copy of the concurrency stamp) is no longer current; forbidden when
    /// <paramref name="wholeAccount"/> and some assignment of the account lies outside the administrator's scope.
    /// </summary>
    public async Task<Result<User>> LoadForChangeAsync(ClaimsPrincipal admin, Guid userId, string? stamp, bool wholeAccount, CancellationToken ct)
    {
        var user = await FindVisibleAsync(admin, userId, ct);
        if (user is null)
        {
            return Error.NotFound(NotFoundMessage);
        }

        if (string.IsNullOrEmpty(stamp) || !string.Equals(stamp, user.ConcurrencyStamp, StringComparison.Ordinal))
        {
            return Stale;
        }

        if (wholeAccount && !await CanManageAsync(AdminUnits(admin), user.Roles.Select(r => r.UnitCode), ct))
        {
            return new Error(ErrorCodes.Forbidden,
                "Tài khoản này còn có vai trò ở đơn vị ngoài phạm vi quản lý của bạn; việc này cần quản trị viên cấp trên thực hiện.");
        }

        return user;
    }

    /// <summary>
    /// Checks a unit code typed by an administrator who grants a role on it: a well-formed code, known to the
    /// catalogue, inside the administrator's scope. Returns the normalised code.
    /// </summary>
    public async Task<Result<string>> ValidateGrantAsync(IReadOnlyList<string> adminUnits, string? unitCode, string field, CancellationToken ct)
    {
        var code = (unitCode ?? "").Trim();
        if (code.Length == 0)
        {
            return Error.Validation("Hãy nhập mã đơn vị.", field);
        }

        if (string.Equals(code, RoleAssignment.NationalScope, StringComparison.OrdinalIgnoreCase))
        {
            code = RoleAssignment.NationalScope;
        }
        else if (code.Length is not (2 or 3 or 5) || !code.All(char.IsAsciiDigit))
        {
            return Error.Validation("Mã đơn vị gồm 2 chữ số (tỉnh), 3 chữ số (huyện) hoặc 5 chữ số (xã), hoặc VN cho toàn quốc.", field);
        }
        else if (await LastDayAsync(code, ct) is null)
        {
            return Error.Validation($"Không có đơn vị mã '{code}' trong danh mục.", field);
        }

        if (!await CoversAsync(adminUnits, code, ct))
        {
            return Error.Validation(
                code == RoleAssignment.NationalScope
                    ? "Chỉ quản trị viên toàn quốc mới cấp được vai trò trên phạm vi toàn quốc (VN)."
                    : $"Đơn vị '{code}' nằm ngoài phạm vi quản lý của bạn.",
                field);
        }

        return code;
    }

    /// <summary>The answer for an account that does not exist or is outside the scope (the two are not told apart).</summary>
    public const string NotFoundMessage = "Không tìm thấy tài khoản.";

    /// <summary>The answer to a form posted after someone else changed the account.</summary>
    public static Error Stale { get; } = Error.Conflict(
        "Tài khoản vừa được thay đổi sau khi bạn mở trang (bởi người khác hoặc ở thẻ khác). Hãy xem lại thông tin mới nhất rồi thực hiện lại.");

    /// <summary>Maps a failed Identity update: a concurrency failure is <see cref="Stale"/>, anything else a validation error.</summary>
    public static IReadOnlyList<Error> Errors(IdentityResult result, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? [Stale]
            : result.Errors.Select(e => Error.Validation(e.Description, field)).ToList();
    }

    /// <summary>
    /// Saves the pending role changes together with a new security stamp (so the user's sessions pick them up
    /// within a minute), in one save with their audit entries. Null on success; otherwise the errors to show,
    /// <see cref="Stale"/> when someone else changed the same assignment at the same moment (unique index).
    /// </summary>
    public static async Task<IReadOnlyList<Error>?> SaveWithNewStampAsync(UserManager<User> users, User user)
    {
        ArgumentNullException.ThrowIfNull(users);
        try
        {
            var saved = await users.UpdateSecurityStampAsync(user);
            return saved.Succeeded ? null : Errors(saved);
        }
        catch (DbUpdateException)
        {
            return [Stale];
        }
    }

    /// <summary>
    /// The last day a unit was in force, today if it still is; null for a code the catalogue never had.
    /// </summary>
    public async Task<DateOnly?> LastDayAsync(string unitCode, CancellationToken ct)
    {
        if (_lastDays.TryGetValue(unitCode, out var known))
        {
            return known;
        }

        DateOnly? last = null;
        if (unitCode == RoleAssignment.NationalScope)
        {
            last = Today;
        }
        else
        {
            foreach (var period in await tree.HistoryAsync(unitCode, ct))
            {
                var end = period.ValidTo is { } to && to <= Today ? to.AddDays(-1) : Today;
                if (last is null || end > last)
                {
                    last = end;
                }
            }
        }

        _lastDays[unitCode] = last;
        return last;
    }

    /// <summary>The unit's name on its last day in force (today if it still is), or null for an unknown code.</summary>
    public async Task<UnitName?> NameAsync(string unitCode, CancellationToken ct)
    {
        if (unitCode == RoleAssignment.NationalScope)
        {
            return new UnitName(unitCode, "Toàn quốc", null);
        }

        if (await LastDayAsync(unitCode, ct) is not { } last)
        {
            return null;
        }

        var unit = await tree.FindAsync(unitCode, last, ct);
        return unit is null ? null : new UnitName(unitCode, unit.Name, last < Today ? last.AddDays(1) : null);
    }

    /// <summary>
    /// Units an administrator may grant roles on, for a picker: their own units and everything below them on
    /// the units' last day (named as then). Empty for a national administrator, who searches instead.
    /// </summary>
    public async Task<IReadOnlyList<UnitName>> PickableAsync(IReadOnlyList<string> adminUnits, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adminUnits);
        var result = new List<UnitName>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var admin in adminUnits.Where(a => a != RoleAssignment.NationalScope))
        {
            if (await LastDayAsync(admin, ct) is not { } last)
            {
                continue;
            }

            var ended = last < Today ? last.AddDays(1) : (DateOnly?)null;
            var units = new List<UnitView>();
            if (await tree.FindAsync(admin, last, ct) is { } self)
            {
                units.Add(self);
            }

            units.AddRange(await tree.DescendantsAsync(admin, last, ct));
            foreach (var unit in units.Where(u => seen.Add(u.Code)))
            {
                // Units below may outlive the administrator's unit; only the latter's end is known here.
                result.Add(new UnitName(unit.Code, unit.Name, unit.Code == admin ? ended : null));
                if (result.Count >= limit)
                {
                    return result;
                }
            }
        }

        return result;
    }

    private async Task<(DateOnly LastDay, HashSet<string> Subtree)> SubtreeAsync(string adminUnit, CancellationToken ct)
    {
        if (_subtrees.TryGetValue(adminUnit, out var known))
        {
            return known;
        }

        var set = new HashSet<string>(StringComparer.Ordinal) { adminUnit };
        var last = await LastDayAsync(adminUnit, ct);
        if (last is { } day)
        {
            set.UnionWith((await tree.DescendantsAsync(adminUnit, day, ct)).Select(u => u.Code));
        }

        var entry = (last ?? DateOnly.MinValue, set);
        _subtrees[adminUnit] = entry;
        return entry;
    }
}

/// <summary>A unit's code and name; <see cref="EndedOn"/> is the first day it was no longer in force, if it ended.</summary>
public sealed record UnitName(string Code, string Name, DateOnly? EndedOn);
