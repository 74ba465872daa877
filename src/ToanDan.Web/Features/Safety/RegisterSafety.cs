using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Safety;

/// <summary>
/// The first-quarter registration of a place or a commune for a year (TT 124/2021 Điều 4–7 tiêu chí 1): checks the
/// year, the registration date, the exclusions of Điều 1, duplicates and scope, then opens a draft record with the
/// checklist of its kind (national criteria of the period plus the province's own).
/// </summary>
public static class RegisterSafety
{
    /// <param name="Year">Certification year.</param>
    /// <param name="RegisteredOn">Date of registration (in Q1 of the year).</param>
    /// <param name="PlaceId">The place; null to register the commune <paramref name="CommuneCode"/> itself.</param>
    /// <param name="CommuneCode">The commune (required when <paramref name="PlaceId"/> is null).</param>
    /// <param name="ManagedBy">For agencies, enterprises and schools: the level that manages them.</param>
    public sealed record Command(int Year, DateOnly RegisteredOn, Guid? PlaceId, string? CommuneCode, ManagingLevel ManagedBy = ManagingLevel.Commune);

    public sealed class Handler(ToanDanDb db, SafetyAccess access, UnitTree tree, TimeProvider clock)
    {
        public async Task<Result<Guid>> HandleAsync(ClaimsPrincipal user, Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var today = access.Today;
            if (SafetyRules.CheckYear(input.Year, today) is { } yearError)
            {
                return yearError;
            }

            if (!Enum.IsDefined(input.ManagedBy))
            {
                return Error.Validation("Cấp quản lý không hợp lệ.", "ManagedBy");
            }

            string unitCode;
            string name;
            SafetySubjectKind kind;
            if (input.PlaceId is { } placeId)
            {
                var place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, ct);
                if (place is null || !await access.CanAsync(user, SafetyPermissions.Edit, place.CommuneCode, input.Year, ct))
                {
                    return Error.NotFound("Không tìm thấy địa bàn này.");
                }

                if (SafetyRules.Exclusion(place.Kind, place.EnterpriseSize, place.SchoolLevel, place.IsArmedForces) is { } excluded)
                {
                    return Error.Validation(excluded, "PlaceId");
                }

                var window = SafetyRules.Window(place.Kind.ToSubjectKind(), input.Year);
                if (!place.IsValidOn(window.End) && !place.IsValidOn(window.Start))
                {
                    return Error.Validation($"{place.Name} không tồn tại trong kỳ đánh giá năm {input.Year} ({window}).", "PlaceId");
                }

                unitCode = place.CommuneCode;
                name = place.Name;
                kind = place.Kind.ToSubjectKind();
            }
            else
            {
                unitCode = (input.CommuneCode ?? "").Trim();
                if (unitCode.Length == 0 || !await access.CanAsync(user, SafetyPermissions.Edit, unitCode, input.Year, ct))
                {
                    return Error.NotFound("Không tìm thấy xã này trong phạm vi của tài khoản.");
                }

                var commune = await tree.FindAsync(unitCode, access.ScopeDate(input.Year), ct);
                if (commune is null || commune.Level != UnitLevel.Commune)
                {
                    return Error.Validation($"Mã {unitCode} không phải là đơn vị cấp xã trong năm {input.Year}.", "CommuneCode");
                }

                name = commune.Name;
                kind = SafetySubjectKind.Commune;
            }

            if (SafetyRules.CheckRegistrationDate(input.Year, input.RegisteredOn, today) is { } dateError)
            {
                return dateError;
            }

            var subjectCode = input.PlaceId?.ToString("N") ?? unitCode;
            if (await db.SafetyRecords.AnyAsync(r => r.Year == input.Year && r.SubjectCode == subjectCode, ct))
            {
                return Error.Conflict($"{name} đã đăng ký xây dựng “An toàn về ANTT” năm {input.Year}.");
            }

            var criteria = await CriteriaAsync(db, tree, kind, unitCode, input.Year, access.ScopeDate(input.Year), ct);
            var record = SafetyRecord.Register(input.Year, kind, input.PlaceId, unitCode, name, input.ManagedBy, input.RegisteredOn, criteria, clock.GetUtcNow().UtcDateTime);
            db.SafetyRecords.Add(record);
            db.Audit?.Add("Safety", nameof(SafetyRecord), record.Id.ToString(), "safety.register", unitCode, $"Năm {input.Year}: {record.SubjectName}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two registrations at the same instant: the unique index (year, subject) keeps one.
                return Error.Conflict($"{name} đã đăng ký xây dựng “An toàn về ANTT” năm {input.Year}.");
            }

            return record.Id;
        }
    }

    /// <summary>The national criteria of the kind for the year, then the province's own.</summary>
    public static async Task<IReadOnlyList<CriterionDefinition>> CriteriaAsync(ToanDanDb db, UnitTree tree, SafetySubjectKind kind, string unitCode, int year, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tree);
        var list = SafetyCriteria.National(kind, year).ToList();
        var province = await ProvinceOfAsync(tree, unitCode, date, ct);
        if (province is not null)
        {
            var extras = await db.SafetyCriteria.AsNoTracking().Where(c => c.ProvinceCode == province && c.Kind == kind).OrderBy(c => c.Code).ToListAsync(ct);
            list.AddRange(extras.Where(c => c.AppliesTo(year)).Select(c => c.ToDefinition()));
        }

        return list;
    }

    /// <summary>The province of a unit on a date (the unit itself when it is a province).</summary>
    public static async Task<string?> ProvinceOfAsync(UnitTree tree, string unitCode, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var ancestors = await tree.AncestorsAsync(unitCode, date, ct);
        if (ancestors.Count > 0)
        {
            return ancestors[0].Code;
        }

        var self = await tree.FindAsync(unitCode, date, ct);
        return self?.Level == UnitLevel.Province ? self.Code : null;
    }
}
