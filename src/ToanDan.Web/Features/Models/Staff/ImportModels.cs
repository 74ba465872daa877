using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// Imports an existing list of models from an .xlsx file in two steps, as the places import does (Units):
/// <see cref="Handler.PreviewAsync"/> reads and checks every row (errors name the file and its row); when every row is
/// valid it returns a token — the checked rows, compressed and protected with ASP.NET Core data protection — that
/// <see cref="Handler.ConfirmAsync"/> accepts within <see cref="TokenLifetime"/>, checks again and saves all or nothing.
/// Each row becomes a model with its status history, cluster members and "Số điểm" points at the owner unit (teams and
/// members shared out among them), so the figures still come from records.
/// </summary>
public static class ImportModels
{
    public const int MaxRows = 2_000;
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxPointsPerRow = 500;
    public const string ProtectionPurpose = "ToanDan.Models.Import.v1";
    public const string BadTokenMessage = "Dữ liệu xem trước không hợp lệ hoặc đã hết hạn. Hãy tải tệp lên lại.";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    /// <summary>A model ready to be created.</summary>
    public sealed record Candidate(
        int Line, string UnitCode, string Name, string KindCode, string FieldCode, DateOnly EstablishedOn, ModelStatus Status, DateOnly? StatusOn,
        bool IsCluster, IReadOnlyList<string> ClusterUnits, int Points, int Teams, int Members, string? Description);

    /// <summary>One data row: its number in the sheet, its cells in <see cref="ModelSheet.Columns"/> order, the model, its errors.</summary>
    public sealed record Row(int Line, IReadOnlyList<string> Cells, Candidate? Candidate, IReadOnlyList<string> Errors)
    {
        public bool IsValid => Candidate is not null && Errors.Count == 0;
    }

    public sealed record Preview(string FileName, IReadOnlyList<string> FileErrors, IReadOnlyList<Row> Rows, string? Token)
    {
        public int ValidCount => Rows.Count(r => r.IsValid);

        public int ErrorCount => Rows.Count - ValidCount;
    }

    /// <summary>Reads the sheet (pure): header mapping and per-cell rules; catalogue, units and scope are checked later.</summary>
    public static (IReadOnlyList<string> FileErrors, IReadOnlyList<(int Line, List<string> Cells)> Rows) Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!string.Equals(Path.GetExtension(fileName ?? ""), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (["Chỉ nhận tệp Excel .xlsx."], []);
        }

        if (content.Length == 0 || content.Length > MaxFileBytes)
        {
            return ([content.Length == 0 ? "Tệp rỗng." : $"Tệp lớn hơn {MaxFileBytes / 1024 / 1024} MB."], []);
        }

        var sheet = XlsxReader.ReadFirstSheet(content, new XlsxReadLimits { MaxRows = MaxRows + 2 });
        if (!sheet.IsSuccess)
        {
            return ([sheet.Errors[0].Message], []);
        }

        var table = sheet.Value.Rows.Where(r => r.Cells.Any(c => c.Trim().Length > 0)).ToList();
        if (table.Count == 0)
        {
            return (["Tệp không có dữ liệu (cần một dòng tiêu đề và các dòng mô hình)."], []);
        }

        var header = table[0].Cells;
        var positions = Enumerable.Repeat(-1, ModelSheet.Columns.Count).ToArray();
        var errors = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Trim().Length == 0)
            {
                continue;
            }

            if (ModelSheet.Find(header[i]) is not { } column)
            {
                errors.Add($"Dòng {table[0].Number}: cột “{header[i].Trim()}” không nhận ra. Các cột dùng được: {string.Join(", ", ModelSheet.Header)}.");
                continue;
            }

            var index = ModelSheet.IndexOf(column.Key);
            if (positions[index] >= 0)
            {
                errors.Add($"Dòng {table[0].Number}: cột “{column.Header}” xuất hiện hai lần.");
            }

            positions[index] = i;
        }

        foreach (var column in ModelSheet.Columns.Where(c => c.Required && positions[ModelSheet.IndexOf(c.Key)] < 0))
        {
            errors.Add($"Thiếu cột bắt buộc “{column.Header}” ({column.Key}).");
        }

        var data = table.Skip(1).ToList();
        if (sheet.Value.Truncated || data.Count > MaxRows)
        {
            errors.Add($"Tệp có hơn {MaxRows} dòng dữ liệu. Hãy chia thành nhiều tệp.");
        }
        else if (data.Count == 0 && errors.Count == 0)
        {
            errors.Add("Tệp chỉ có dòng tiêu đề, chưa có mô hình nào.");
        }

        return errors.Count > 0
            ? (errors, [])
            : ([], data.Select(r => (r.Number, positions.Select(p => p >= 0 && p < r.Cells.Count ? r.Cells[p].Trim() : "").ToList())).ToList());
    }

    /// <summary>Parses one row's cells (in <see cref="ModelSheet.Columns"/> order) against the catalogues.</summary>
    public static Row ParseRow(
        int line, List<string> cells, IReadOnlyDictionary<string, ModelCatalogueEntry> kinds, IReadOnlyDictionary<string, ModelCatalogueEntry> fields, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var errors = new List<string>();
        string Cell(string key) => cells[ModelSheet.IndexOf(key)];

        var unit = Cell("unit_code");
        if (unit.Length == 0)
        {
            errors.Add("Thiếu mã đơn vị.");
        }
        else if (unit.All(char.IsAsciiDigit) && unit.Length == 4)
        {
            // A commune code typed as a number loses its leading zero (09523 → 9523).
            unit = unit.PadLeft(5, '0');
        }

        var kind = ModelCatalogues.Match(kinds, Cell("kind"));
        if (kind is null || !kind.IsActive)
        {
            errors.Add($"Loại mô hình “{Cell("kind")}” không có trong danh mục; dùng một trong: {string.Join(", ", kinds.Values.Where(k => k.IsActive).Select(k => k.Name))}.");
        }

        var field = ModelCatalogues.Match(fields, Cell("field"));
        if (field is null || !field.IsActive)
        {
            errors.Add($"Lĩnh vực “{Cell("field")}” không có trong danh mục; dùng một trong: {string.Join(", ", fields.Values.Where(k => k.IsActive).Select(k => k.Name))}.");
        }

        var established = ParseDate(Cell("established_on"));
        if (established is null)
        {
            errors.Add(Cell("established_on").Length == 0 ? "Thiếu ngày thành lập." : $"Ngày thành lập “{Cell("established_on")}” không hợp lệ; dùng dạng dd/MM/yyyy.");
        }

        var status = ModelStatus.Active;
        if (Cell("status").Length > 0 && !ModelLabels.TryParseStatus(Cell("status"), out status))
        {
            errors.Add($"Trạng thái “{Cell("status")}” không hợp lệ; ghi đang duy trì, tạm dừng hoặc đã giải thể.");
        }

        DateOnly? statusOn = null;
        if (Cell("status_on").Length > 0)
        {
            statusOn = ParseDate(Cell("status_on"));
            if (statusOn is null)
            {
                errors.Add($"Ngày đổi trạng thái “{Cell("status_on")}” không hợp lệ; dùng dạng dd/MM/yyyy.");
            }
        }

        if (status != ModelStatus.Active && statusOn is null && Cell("status_on").Length == 0)
        {
            errors.Add("Mô hình tạm dừng hoặc đã giải thể cần ngày đổi trạng thái.");
        }
        else if (status != ModelStatus.Active && statusOn is { } on && established is { } from && (on < from || on > today))
        {
            errors.Add("Ngày đổi trạng thái phải từ ngày thành lập đến hôm nay.");
        }

        var cluster = ParseYesNo(Cell("is_cluster"));
        if (cluster is null)
        {
            errors.Add($"Cụm liên kết “{Cell("is_cluster")}” không hợp lệ; ghi “có” hoặc “không”.");
        }

        var clusterUnits = Cell("cluster_units").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (clusterUnits.Count > 0 && cluster != true)
        {
            errors.Add("Chỉ cụm liên kết mới có đơn vị tham gia cụm: ghi “có” ở cột Cụm liên kết.");
        }

        if (clusterUnits.Contains(unit))
        {
            errors.Add("Đơn vị tham gia cụm không ghi lại đơn vị xây dựng mô hình.");
        }

        int Count(string key, string label, int max)
        {
            var text = Cell(key);
            if (text.Length == 0)
            {
                return 0;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max)
            {
                return value;
            }

            errors.Add($"{label} “{text}” không hợp lệ; ghi số nguyên từ 0 đến {max}.");
            return 0;
        }

        var points = Count("points", "Số điểm", MaxPointsPerRow);
        var teams = Count("teams", "Số tổ", PointDetails.MaxTeams);
        var members = Count("members", "Số thành viên", PointDetails.MaxMembers);
        if (points == 0 && (teams > 0 || members > 0))
        {
            errors.Add("Có số tổ hoặc số thành viên thì phải có ít nhất một điểm.");
        }

        if (established is { } date)
        {
            errors.AddRange(new ModelDetails(Cell("name"), kind?.Code ?? "-", field?.Code ?? "-", date, cluster ?? false, Cell("description")).Validate(today).Select(e => e.Message));
        }

        if (errors.Count > 0 || kind is null || field is null || established is null)
        {
            return new Row(line, cells, null, errors.Distinct().ToList());
        }

        var candidate = new Candidate(line, unit, VietnameseText.Clean(Cell("name")), kind.Code, field.Code, established.Value, status,
            status == ModelStatus.Active ? null : statusOn, cluster ?? false, clusterUnits, points, teams, members,
            Cell("description").Length == 0 ? null : Cell("description"));
        return new Row(line, cells, candidate, []);
    }

    private static DateOnly? ParseDate(string value)
    {
        if (VietnamTime.TryParseDate(value, out var date))
        {
            return date;
        }

        // A date typed in a cell without a date format arrives as its serial number.
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;
    }

    private static bool? ParseYesNo(string value) => VietnameseText.Fold(value) switch
    {
        "" or "khong" or "no" or "0" => false,
        "co" or "yes" or "x" or "1" => true,
        _ => null,
    };

    /// <summary>Builds the model a candidate describes (status history, members and points included).</summary>
    public static Result<MovementModel> Build(Candidate c, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(c);
        var created = MovementModel.Create(c.UnitCode, new ModelDetails(c.Name, c.KindCode, c.FieldCode, c.EstablishedOn, c.IsCluster, c.Description), today, nowUtc);
        if (!created.IsSuccess)
        {
            return created;
        }

        var model = created.Value;
        var errors = new List<Error>();
        foreach (var unit in c.ClusterUnits)
        {
            var added = model.AddMember(unit, c.EstablishedOn, today, nowUtc);
            errors.AddRange(added.Errors);
        }

        for (var i = 0; i < c.Points; i++)
        {
            var teams = (c.Teams / c.Points) + (i < c.Teams % c.Points ? 1 : 0);
            var members = (c.Members / c.Points) + (i < c.Members % c.Points ? 1 : 0);
            var name = c.Points == 1 ? $"Điểm tại đơn vị {c.UnitCode}" : $"Điểm {i + 1} tại đơn vị {c.UnitCode}";
            errors.AddRange(model.AddPoint(new PointDetails(c.UnitCode, null, name, c.EstablishedOn, null, teams, members), today, nowUtc).Errors);
        }

        if (c.Status != ModelStatus.Active)
        {
            errors.AddRange(model.ChangeStatus(c.Status, c.StatusOn ?? c.EstablishedOn, "Nhập từ tệp", today, nowUtc).Errors);
        }

        return errors.Count > 0 ? Result<MovementModel>.Failure(errors) : model;
    }

    public sealed class Handler(ToanDanDb db, ModelAccess access, UnitTree tree, ModelCatalogues catalogues, TimeProvider clock, IDataProtectionProvider protection, ILogger<Handler> logger)
    {
        private readonly ImportConfirmToken<List<Candidate>> _token = new(protection.CreateProtector(ProtectionPurpose), clock, TokenLifetime);

        /// <summary>Reads and checks a file; nothing is saved.</summary>
        public async Task<Preview> PreviewAsync(string fileName, byte[] content, ClaimsPrincipal user, CancellationToken ct)
        {
            var (fileErrors, table) = Read(fileName, content);
            if (fileErrors.Count > 0)
            {
                return new Preview(fileName, fileErrors, [], null);
            }

            var (kinds, fields) = await catalogues.BothAsync(ct);
            var today = VietnamTime.Today(clock);
            var rows = table.Select(r => ParseRow(r.Line, r.Cells, kinds, fields, today)).ToList();
            rows = await CheckAsync(rows, user, ct);
            var token = rows.All(r => r.IsValid) ? _token.Protect(rows.Select(r => r.Candidate!).ToList()) : null;
            return new Preview(fileName, [], rows, token);
        }

        /// <summary>Imports the models of a preview token, all or nothing, after checking them again.</summary>
        public async Task<Result<int>> ConfirmAsync(string? token, ClaimsPrincipal user, CancellationToken ct)
        {
            var candidates = _token.Unprotect(token);
            if (candidates is not { Count: > 0 and <= MaxRows })
            {
                return Error.Validation(BadTokenMessage);
            }

            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var rows = await CheckAsync(candidates.Select(c => new Row(c.Line, [], c, [])).ToList(), user, ct);
                var errors = rows.Where(r => !r.IsValid).SelectMany(r => r.Errors.Select(e => Error.Conflict($"Dòng {r.Line}: {e}"))).ToList();
                if (errors.Count > 0)
                {
                    return Result<int>.Failure(errors);
                }

                var today = VietnamTime.Today(clock);
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var candidate in candidates)
                {
                    var built = Build(candidate, today, now);
                    if (!built.IsSuccess)
                    {
                        return Result<int>.Failure(built.Errors.Select(e => Error.Conflict($"Dòng {candidate.Line}: {e.Message}")).ToList());
                    }

                    db.MovementModels.Add(built.Value);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                ModelsLog.Imported(logger, candidates.Count);
                return Result<int>.Success(candidates.Count);
            });
        }

        /// <summary>Adds the errors that need the database: units, scope, cluster units, duplicates in the file or stored.</summary>
        private async Task<List<Row>> CheckAsync(List<Row> rows, ClaimsPrincipal user, CancellationToken ct)
        {
            var unitChecks = new Dictionary<(string, DateOnly), string?>();
            var owners = rows.Where(r => r.Candidate is not null).Select(r => r.Candidate!.UnitCode).Distinct(StringComparer.Ordinal).ToList();
            var stored = (await db.MovementModels.AsNoTracking().Where(m => owners.Contains(m.UnitCode))
                    .Select(m => new { m.UnitCode, m.SearchName, m.EstablishedOn }).ToListAsync(ct))
                .Select(m => (m.UnitCode, m.SearchName, m.EstablishedOn)).ToHashSet();
            var inFile = new Dictionary<(string, string, DateOnly), int>();
            var result = new List<Row>(rows.Count);
            foreach (var row in rows)
            {
                if (row.Candidate is not { } c)
                {
                    result.Add(row);
                    continue;
                }

                var errors = row.Errors.ToList();
                async Task<string?> UnitAsync(string code, DateOnly date)
                {
                    if (!unitChecks.TryGetValue((code, date), out var error))
                    {
                        error = await ModelUnitNames.CheckUnitAsync(tree, code, date, ct);
                        unitChecks[(code, date)] = error;
                    }

                    return error;
                }

                if (await UnitAsync(c.UnitCode, c.EstablishedOn) is { } unitError)
                {
                    errors.Add(unitError);
                }
                else if (!await access.CanAsync(user, ModelsPermissions.Edit, c.UnitCode, ct))
                {
                    errors.Add($"Đơn vị mã {c.UnitCode} không thuộc phạm vi của tài khoản.");
                }

                foreach (var member in c.ClusterUnits)
                {
                    if (await UnitAsync(member, c.EstablishedOn) is { } memberError)
                    {
                        errors.Add("Đơn vị tham gia cụm: " + memberError);
                    }
                }

                var key = (c.UnitCode, VietnameseText.Fold(c.Name), c.EstablishedOn);
                if (stored.Contains(key))
                {
                    errors.Add("Đơn vị này đã có mô hình cùng tên, cùng ngày thành lập.");
                }
                else if (inFile.TryGetValue(key, out var first))
                {
                    errors.Add($"Trùng với dòng {first} của tệp.");
                }
                else
                {
                    inFile[key] = row.Line;
                }

                result.Add(row with { Errors = errors });
            }

            return result;
        }
    }

    /// <summary>The empty import template: the header row only.</summary>
    public static byte[] Template() => XlsxWriter.Write("Mô hình", ModelSheet.Header, []);
}
