using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Spreadsheets;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Units.Staff;

/// <summary>
/// Imports places from a CSV or XLSX file in two steps. <see cref="Handler.PreviewAsync"/> parses and checks
/// every row; when none is wrong it returns a token: the checked rows, compressed and protected with ASP.NET
/// Core data protection, so the page can carry them to <see cref="Handler.ConfirmAsync"/> without trusting the
/// browser. Confirming checks the rows again (the database may have changed) and inserts all or nothing.
/// <see cref="Parse"/> is pure and can be tested with bytes alone.
/// </summary>
public static class ImportPlaces
{
    /// <summary>Most data rows in one file.</summary>
    public const int MaxRows = 5_000;

    /// <summary>Largest file accepted.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Data-protection purpose of preview tokens.</summary>
    public const string ProtectionPurpose = "ToanDan.Units.PlaceImport.v1";

    /// <summary>How long a preview can be confirmed.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    /// <summary>The message when a token was altered, is from elsewhere or has expired.</summary>
    public const string BadTokenMessage = "Dữ liệu xem trước không hợp lệ hoặc đã hết hạn. Hãy tải tệp lên lại.";

    /// <summary>A place ready to be created.</summary>
    public sealed record Candidate(string CommuneCode, PlaceDetails Details);

    /// <summary>
    /// One data row: its line in the file (CSV line or sheet row number), its cells in <see cref="PlaceSheet.Columns"/>
    /// order (as read, or as understood when it could be parsed), the place it describes and what is wrong with it.
    /// </summary>
    public sealed record Row(int Line, IReadOnlyList<string> Cells, Candidate? Candidate, IReadOnlyList<string> Errors)
    {
        public bool IsValid => Candidate is not null && Errors.Count == 0;
    }

    /// <summary>A row as read from a file: its line (CSV) or row number (XLSX), its cells, or why it could not be read.</summary>
    public sealed record TableRow(int Line, IReadOnlyList<string> Cells, string? Error = null)
    {
        public bool IsBlank => Error is null && Cells.All(c => c.Trim().Length == 0);
    }

    /// <summary>What a file holds: either errors about the whole file, or its rows.</summary>
    public sealed record ParsedFile(IReadOnlyList<string> FileErrors, IReadOnlyList<Row> Rows);

    /// <summary>The preview shown before importing; <see cref="Token"/> is set only when every row is valid.</summary>
    public sealed record Preview(string FileName, IReadOnlyList<string> FileErrors, IReadOnlyList<Row> Rows, string? Token)
    {
        public int ValidCount => Rows.Count(r => r.IsValid);

        public int ErrorCount => Rows.Count - ValidCount;
    }

    public sealed record Imported(int Count, IReadOnlyList<string> CommuneCodes);

    /// <summary>Reads a .csv or .xlsx file (chosen by extension, then checked by content) into checked rows.</summary>
    public static ParsedFile Parse(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            return Fail("Chỉ nhận tệp .csv hoặc .xlsx.");
        }

        if (content.Length == 0)
        {
            return Fail("Tệp rỗng.");
        }

        if (content.Length > MaxFileBytes)
        {
            return Fail($"Tệp lớn hơn {MaxFileBytes / 1024 / 1024} MB. Hãy chia thành nhiều tệp nhỏ hơn.");
        }

        if (extension == ".xlsx")
        {
            // One more row than allowed (besides the header) shows that there are too many.
            var sheet = XlsxReader.ReadFirstSheet(content, new XlsxReadLimits { MaxRows = MaxRows + 2 });
            return sheet.IsSuccess
                ? ParseTable(sheet.Value.Rows.Select(r => new TableRow(r.Number, r.Cells)).ToList(), sheet.Value.Truncated, fromXlsx: true)
                : Fail(sheet.Errors[0].Message);
        }

        return ReadCsv(content, out var table, out var truncated) is { } error ? Fail(error) : ParseTable(table, truncated, fromXlsx: false);
    }

    /// <summary>Checks an already-read table: the first row is the header; rows carry their line numbers.</summary>
    public static ParsedFile ParseTable(IReadOnlyList<TableRow> table, bool truncated, bool fromXlsx)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count == 0)
        {
            return Fail("Tệp không có dữ liệu (cần một dòng tiêu đề và các dòng địa bàn).");
        }

        if (table[0].Error is { } headerError)
        {
            return Fail($"Dòng tiêu đề: {headerError}");
        }

        var header = table[0].Cells;
        var positions = new int[PlaceSheet.Columns.Count];
        Array.Fill(positions, -1);
        var fileErrors = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Trim().Length == 0)
            {
                continue;
            }

            var column = PlaceSheet.Find(header[i]);
            if (column is null)
            {
                fileErrors.Add($"Cột “{header[i].Trim()}” không nhận ra. Các cột dùng được: {string.Join(", ", PlaceSheet.Header)}.");
                continue;
            }

            var index = IndexOf(column);
            if (positions[index] >= 0)
            {
                fileErrors.Add($"Cột “{column.Header}” xuất hiện hai lần.");
            }

            positions[index] = i;
        }

        foreach (var column in PlaceSheet.Columns.Where(c => c.Required && positions[IndexOf(c)] < 0))
        {
            fileErrors.Add($"Thiếu cột bắt buộc “{column.Header}” ({column.Key}).");
        }

        var data = table.Skip(1).Where(r => !r.IsBlank).ToList();
        if (truncated || data.Count > MaxRows)
        {
            fileErrors.Add($"Tệp có hơn {MaxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng dữ liệu. Hãy chia thành nhiều tệp, mỗi tệp tối đa {MaxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng.");
        }
        else if (data.Count == 0 && fileErrors.Count == 0)
        {
            fileErrors.Add("Tệp chỉ có dòng tiêu đề, chưa có dòng địa bàn nào.");
        }

        if (fileErrors.Count > 0)
        {
            return new ParsedFile(fileErrors, []);
        }

        var rows = data.Select(r => r.Error is { } error
                ? new Row(r.Line, [], null, [error])
                : ParseRow(r.Line, positions.Select(p => p >= 0 && p < r.Cells.Count ? r.Cells[p].Trim() : "").ToList(), fromXlsx))
            .ToList();
        return new ParsedFile([], CheckWithinFile(rows));
    }

    /// <summary>Reads one row; cells are in <see cref="PlaceSheet.Columns"/> order.</summary>
    private static Row ParseRow(int line, List<string> cells, bool fromXlsx)
    {
        var errors = new List<string>();
        string Cell(string key) => cells[IndexOf(key)];

        var code = Cell("commune_code");
        if (code.Length == 0)
        {
            errors.Add("Thiếu mã xã.");
        }
        else if (code.All(char.IsAsciiDigit) && code.Length <= 5)
        {
            // Spreadsheets drop leading zeros of codes typed as numbers (00001 → 1).
            code = code.PadLeft(5, '0');
        }
        else
        {
            errors.Add($"Mã xã “{code}” không hợp lệ; mã xã gồm 5 chữ số.");
        }

        PlaceKind? kind = null;
        if (Cell("kind").Length == 0)
        {
            errors.Add("Thiếu loại địa bàn.");
        }
        else if (PlaceLabels.TryParseKind(Cell("kind"), out var parsedKind))
        {
            kind = parsedKind;
        }
        else
        {
            errors.Add($"Loại “{Cell("kind")}” không hợp lệ; dùng một trong: {string.Join(", ", PlaceLabels.Kinds.Values)}.");
        }

        EnterpriseSize? size = null;
        if (Cell("enterprise_size").Length > 0)
        {
            if (!PlaceLabels.TryParseSize(Cell("enterprise_size"), out var parsedSize))
            {
                errors.Add($"Quy mô “{Cell("enterprise_size")}” không hợp lệ; dùng một trong: {string.Join(", ", PlaceLabels.Sizes.Values)}.");
            }
            else if (kind is { } k && k != PlaceKind.Enterprise)
            {
                errors.Add("Quy mô doanh nghiệp chỉ ghi cho địa bàn loại Doanh nghiệp.");
            }
            else
            {
                size = parsedSize;
            }
        }

        SchoolLevel? level = null;
        if (Cell("school_level").Length > 0)
        {
            if (!PlaceLabels.TryParseSchoolLevel(Cell("school_level"), out var parsedLevel))
            {
                errors.Add($"Cấp học “{Cell("school_level")}” không hợp lệ; dùng một trong: {string.Join(", ", PlaceLabels.SchoolLevels.Values)}.");
            }
            else if (kind is { } k && k != PlaceKind.School)
            {
                errors.Add("Cấp học chỉ ghi cho địa bàn loại Cơ sở giáo dục.");
            }
            else
            {
                level = parsedLevel;
            }
        }

        var armed = ParseYesNo(Cell("armed_forces"));
        if (armed is null)
        {
            errors.Add($"Lực lượng vũ trang “{Cell("armed_forces")}” không hợp lệ; ghi “có” hoặc “không”.");
        }
        else if (armed == true && kind is { } k && k != PlaceKind.Agency)
        {
            errors.Add("Chỉ địa bàn loại Cơ quan mới ghi thuộc lực lượng vũ trang.");
        }

        DateOnly? from = null;
        if (Cell("valid_from").Length == 0)
        {
            errors.Add("Thiếu ngày bắt đầu.");
        }
        else if (ParseDate(Cell("valid_from"), fromXlsx) is { } parsedFrom)
        {
            from = parsedFrom;
        }
        else
        {
            errors.Add($"Ngày bắt đầu “{Cell("valid_from")}” không hợp lệ; dùng dạng dd/MM/yyyy, ví dụ 01/07/2025.");
        }

        DateOnly? to = null;
        var toOk = true;
        if (Cell("valid_to").Length > 0)
        {
            to = ParseDate(Cell("valid_to"), fromXlsx);
            if (to is null)
            {
                toOk = false;
                errors.Add($"Ngày hết hiệu lực “{Cell("valid_to")}” không hợp lệ; dùng dạng dd/MM/yyyy, ví dụ 01/07/2025.");
            }
        }

        if (errors.Count > 0 && (kind is null || from is null || !toOk || armed is null || code.Length != 5))
        {
            return new Row(line, cells, null, errors);
        }

        var details = new PlaceDetails(kind!.Value, Cell("name"), Cell("subtype"), Cell("address"), size, level, armed ?? false, from!.Value, to);
        errors.AddRange(details.Validate().Select(e => e.Message));
        var candidate = new Candidate(code, details);
        return new Row(line, PlaceSheet.Cells(code, details), candidate, errors);
    }

    /// <summary>Marks rows that duplicate an earlier row of the same file.</summary>
    private static List<Row> CheckWithinFile(List<Row> rows)
    {
        var seen = new Dictionary<(string, PlaceKind, string), List<Row>>();
        var result = new List<Row>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Candidate is not { } c)
            {
                result.Add(row);
                continue;
            }

            var key = (c.CommuneCode, c.Details.Kind, VietnameseText.Fold(c.Details.Name));
            if (!seen.TryGetValue(key, out var earlier))
            {
                seen[key] = earlier = [];
            }

            var clash = earlier.FirstOrDefault(e => PlaceRules.Overlaps(e.Candidate!.Details.ValidFrom, e.Candidate.Details.ValidTo, c.Details.ValidFrom, c.Details.ValidTo));
            earlier.Add(row);
            result.Add(clash is null
                ? row
                : row with { Errors = [.. row.Errors, $"Trùng với dòng {clash.Line}: cùng xã, cùng loại, cùng tên và thời gian hiệu lực chồng nhau."] });
        }

        return result;
    }

    private static bool? ParseYesNo(string text) => VietnameseText.Fold(text) switch
    {
        "" or "khong" or "no" or "n" or "0" or "false" => false,
        "co" or "yes" or "y" or "1" or "true" or "x" => true,
        _ => null,
    };

    private static DateOnly? ParseDate(string text, bool fromXlsx)
    {
        // The XLSX reader writes date cells as yyyy-MM-dd, with a time when the cell had one.
        var value = text.Length > 10 && text[10] == ' ' && fromXlsx ? text[..10] : text;
        if (VietnamTime.TryParseDate(value, out var date))
        {
            return date;
        }

        // A date typed in a cell without a date format arrives as its serial number.
        if (fromXlsx && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        return null;
    }

    /// <summary>Decodes a CSV upload; returns why it is not a UTF-8 text file, or null.</summary>
    private static string? ReadCsv(byte[] content, out List<TableRow> table, out bool truncated)
    {
        table = [];
        truncated = false;
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
        {
            return "Tệp .csv này thực ra là một tệp nén (có thể là tệp Excel). Hãy tải lên với đuôi .xlsx, hoặc lưu lại dưới dạng CSV UTF-8.";
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return "Tệp .csv không phải văn bản UTF-8. Trong Excel, hãy chọn Lưu thành → “CSV UTF-8 (Comma delimited) (*.csv)”.";
        }

        if (text.Any(ch => char.IsControl(ch) && ch is not ('\r' or '\n' or '\t')))
        {
            return "Tệp .csv chứa ký tự nhị phân; đây không phải tệp văn bản CSV.";
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        // Excel with Vietnamese regional settings separates fields with ";".
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        var delimiter = firstLine.AsSpan().Count(';') > firstLine.AsSpan().Count(',') ? ';' : ',';
        using var csv = CsvFiles.Open(text, delimiter);
        var dataRows = -1;
        while (CsvFiles.ReadRecord(csv, "", out var line) is { } record)
        {
            var row = record.Error is null
                ? new TableRow((int)line, record.Fields)
                : new TableRow((int)line, [], "Dòng CSV sai định dạng (dấu ngoặc kép không khớp).");
            if (row.IsBlank)
            {
                continue;
            }

            if (++dataRows > MaxRows)
            {
                truncated = true;
                break;
            }

            table.Add(row);
        }

        return null;
    }

    private static int IndexOf(PlaceSheet.Column column) => IndexOf(column.Key);

    private static int IndexOf(string key)
    {
        for (var i = 0; i < PlaceSheet.Columns.Count; i++)
        {
            if (PlaceSheet.Columns[i].Key == key)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown column.");
    }

    private static ParsedFile Fail(string message) => new([message], []);

    public sealed class Handler(
        ToanDanDb db, PlaceRules rules, Accounts.UserScopes scopes, TimeProvider clock, IDataProtectionProvider protection, ILogger<Handler> logger)
    {
        private readonly ImportConfirmToken<List<PayloadRow>> _token = new(protection.CreateProtector(ProtectionPurpose), clock, TokenLifetime);

        /// <summary>Parses and checks a file against the database; nothing is saved.</summary>
        /// <remarks>A row whose commune lies outside <paramref name="user"/>'s scope is a row error.</remarks>
        public async Task<Preview> PreviewAsync(string fileName, byte[] content, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var parsed = Parse(fileName, content);
            if (parsed.FileErrors.Count > 0)
            {
                return new Preview(fileName, parsed.FileErrors, [], null);
            }

            var rows = await CheckAgainstDatabaseAsync(parsed.Rows, user, ct);
            var token = rows.All(r => r.IsValid) ? _token.Protect(rows.Select(r => new PayloadRow(r.Line, r.Candidate!.CommuneCode, r.Candidate.Details)).ToList()) : null;
            return new Preview(fileName, [], rows, token);
        }

        /// <summary>Imports the rows of a preview token, all or nothing, after checking them again.</summary>
        public async Task<Result<Imported>> ConfirmAsync(string? token, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var candidates = _token.Unprotect(token);
            if (candidates is not { Count: > 0 and <= MaxRows })
            {
                return Error.Validation(BadTokenMessage);
            }

            var rows = CheckWithinFile(candidates
                .Select(c => new Row(c.Line, PlaceSheet.Cells(c.CommuneCode, c.Details), new Candidate(c.CommuneCode, c.Details), c.Details.Validate().Select(e => e.Message).ToList()))
                .ToList());
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var checkedRows = await CheckAgainstDatabaseAsync(rows, user, ct);
                var errors = checkedRows.Where(r => !r.IsValid)
                    .SelectMany(r => r.Errors.Select(e => Error.Conflict($"Dòng {r.Line}: {e}")))
                    .ToList();
                if (errors.Count > 0)
                {
                    return Result<Imported>.Failure(errors);
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var places = new List<Place>(checkedRows.Count);
                foreach (var row in checkedRows)
                {
                    var created = Place.Create(row.Candidate!.CommuneCode, row.Candidate.Details, now);
                    if (!created.IsSuccess)
                    {
                        return Result<Imported>.Failure(created.Errors.Select(e => Error.Conflict($"Dòng {row.Line}: {e.Message}")).ToList());
                    }

                    places.Add(created.Value);
                }

                db.Places.AddRange(places);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                var communes = places.Select(p => p.CommuneCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var scope = string.Join(",", communes.Take(20)) + (communes.Count > 20 ? ",…" : "");
                UnitsLog.PlacesImported(logger, places.Count, scope);
                return Result<Imported>.Success(new Imported(places.Count, communes));
            });
        }

        /// <summary>Adds the errors that need the database: the commune on the start date, and duplicates of stored places.</summary>
        private async Task<List<Row>> CheckAgainstDatabaseAsync(IReadOnlyList<Row> rows, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var communeChecks = new Dictionary<(string, DateOnly), Error?>();
            var codes = rows.Where(r => r.Candidate is not null).Select(r => r.Candidate!.CommuneCode).Distinct(StringComparer.Ordinal).ToList();
            var stored = (await db.Places.AsNoTracking()
                    .Where(p => codes.Contains(p.CommuneCode))
                    .Select(p => new { p.CommuneCode, p.Kind, p.SearchName, p.Name, p.ValidFrom, p.ValidTo })
                    .ToListAsync(ct))
                .ToLookup(p => (p.CommuneCode, p.Kind, p.SearchName));
            var result = new List<Row>(rows.Count);
            foreach (var row in rows)
            {
                if (row.Candidate is not { } c)
                {
                    result.Add(row);
                    continue;
                }

                var errors = row.Errors.ToList();
                var key = (c.CommuneCode, c.Details.ValidFrom);
                if (!communeChecks.TryGetValue(key, out var communeError))
                {
                    communeError = await rules.CheckCommuneAsync(c.CommuneCode, c.Details.ValidFrom, ct);
                    if (communeError is null && !await scopes.CanAsync(user, UnitsPermissions.EditPlaces, c.CommuneCode, c.Details.ValidFrom, ct))
                    {
                        communeError = Error.Validation($"Xã mã {c.CommuneCode} không thuộc phạm vi của tài khoản.", "CommuneCode");
                    }

                    communeChecks[key] = communeError;
                }

                if (communeError is not null)
                {
                    errors.Add(communeError.Message);
                }

                var same = stored[(c.CommuneCode, c.Details.Kind, VietnameseText.Fold(c.Details.Name))]
                    .FirstOrDefault(p => PlaceRules.Overlaps(p.ValidFrom, p.ValidTo, c.Details.ValidFrom, c.Details.ValidTo));
                if (same is not null)
                {
                    errors.Add(PlaceRules.Duplicate(same.Name, same.ValidFrom, same.ValidTo).Message);
                }

                result.Add(row with { Errors = errors });
            }

            return result;
        }
    }

    private sealed record PayloadRow(int Line, string CommuneCode, PlaceDetails Details);

    /// <summary>The empty import template: the header row only.</summary>
    public static byte[] Template(bool xlsx) => xlsx ? PlaceSheet.Xlsx([]) : PlaceSheet.Csv([]);
}
