using System.Security.Cryptography;
using System.Text;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Units.Import;

/// <summary>The formats of the official files in data/admin-units (see its README).</summary>
public enum UnitFileFormat
{
    /// <summary><c>code,name,level,parent_code,division_type</c></summary>
    Catalogue,

    /// <summary><c>old_code,new_code</c>: one successor per old commune.</summary>
    SimpleMapping,

    /// <summary><c>old_code,new_code,share,primary,primary_basis,source_note</c></summary>
    DetailMapping,

    /// <summary><c>old_code,new_code,share,source_note</c></summary>
    ChangeMapping,
}

/// <summary>A parsed file, or the rows that are wrong in it.</summary>
public sealed record UnitFile(
    string SourceName,
    string Sha256,
    UnitFileFormat Format,
    IReadOnlyList<UnitState> Units,
    IReadOnlyList<MappingRow> Mappings,
    IReadOnlyList<string> Errors);

/// <summary>One successor link as read from a mapping file.</summary>
public sealed record MappingRow(string OldCode, string NewCode, SuccessionShare Share, bool IsPrimary, string? PrimaryBasis, string? Note);

/// <summary>
/// Reads and checks an administrative-unit file. Every bad row is reported with the file name and
/// the line number; a file with any error is not imported at all.
/// </summary>
public static class UnitFileReader
{
    /// <summary>Stop collecting after this many errors: the file is rejected either way.</summary>
    public const int MaxErrors = 50;

    private static readonly Dictionary<string, UnitFileFormat> Headers = new(StringComparer.Ordinal)
    {
        ["code,name,level,parent_code,division_type"] = UnitFileFormat.Catalogue,
        ["old_code,new_code"] = UnitFileFormat.SimpleMapping,
        ["old_code,new_code,share,primary,primary_basis,source_note"] = UnitFileFormat.DetailMapping,
        ["old_code,new_code,share,source_note"] = UnitFileFormat.ChangeMapping,
    };

    /// <summary>Reads a file from disk.</summary>
    public static async Task<UnitFile> ReadAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        return Read(Path.GetFileName(path), bytes);
    }

    /// <summary>Reads a file's bytes; <paramref name="sourceName"/> names it in error messages.</summary>
    public static UnitFile Read(string sourceName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var errors = new List<string>();
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Fail($"{sourceName}: tệp không phải văn bản UTF-8.");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        using var csv = CsvFiles.Open(text);
        var first = CsvFiles.ReadRecord(csv, sourceName, out _);
        if (first is null)
        {
            return Fail($"{sourceName}: tệp rỗng.");
        }

        if (first.Error is not null)
        {
            return Fail(first.Error);
        }

        var header = string.Join(',', first.Fields.Select(h => h.Trim()));
        if (!Headers.TryGetValue(header, out var format))
        {
            return Fail($"{sourceName}, dòng 1: tiêu đề cột không đúng mẫu ({header}). Các mẫu nhận được: {string.Join(" | ", Headers.Keys)}.");
        }

        var units = new List<UnitState>();
        var mappings = new List<MappingRow>();
        var columns = header.Split(',').Length;
        var codes = new Dictionary<string, UnitLevel>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        var unitLines = new List<long>();
        while (errors.Count < MaxErrors && CsvFiles.ReadRecord(csv, sourceName, out var line) is { } read)
        {
            string Where() => $"{sourceName}, dòng {line}";
            if (read.Error is not null)
            {
                errors.Add(read.Error);
                continue;
            }

            var record = read.Fields;
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Length != columns)
            {
                errors.Add($"{Where()}: có {record.Length} cột, cần {columns}.");
                continue;
            }

            if (format == UnitFileFormat.Catalogue)
            {
                var state = ReadUnit(record, Where, errors);
                if (state is not null)
                {
                    if (!codes.TryAdd(state.Code, state.Level))
                    {
                        errors.Add($"{Where()}: mã {state.Code} đã xuất hiện ở dòng trước.");
                        continue;
                    }

                    units.Add(state);
                    unitLines.Add(line);
                }
            }
            else
            {
                var row = ReadMapping(format, record, Where, errors);
                if (row is not null)
                {
                    if (!pairs.Add((row.OldCode, row.NewCode)))
                    {
                        errors.Add($"{Where()}: cặp {row.OldCode} → {row.NewCode} đã xuất hiện ở dòng trước.");
                        continue;
                    }

                    mappings.Add(row);
                }
            }
        }

        if (format == UnitFileFormat.Catalogue && errors.Count == 0)
        {
            CheckParents(sourceName, units, unitLines, codes, errors);
        }

        if (errors.Count == 0 && units.Count == 0 && mappings.Count == 0)
        {
            errors.Add($"{sourceName}: tệp không có dòng dữ liệu nào.");
        }

        return new UnitFile(sourceName, sha, format, units, mappings, errors);

        UnitFile Fail(string message) => new(sourceName, sha, UnitFileFormat.Catalogue, [], [], [message]);
    }

    private static UnitState? ReadUnit(string[] record, Func<string> where, List<string> errors)
    {
        var code = record[0].Trim();
        var name = VietnameseText.Clean(record[1]);
        var levelText = record[2].Trim();
        var parent = record[3].Trim();
        var type = VietnameseText.Clean(record[4]);
        var before = errors.Count;
        UnitLevel level = default;
        switch (levelText)
        {
            case "province":
                level = UnitLevel.Province;
                break;
            case "district":
                level = UnitLevel.District;
                break;
            case "commune":
                level = UnitLevel.Commune;
                break;
            default:
                errors.Add($"{where()}: cấp '{levelText}' không hợp lệ (province, district hoặc commune).");
                return null;
        }

        if (!IsCode(code, CodeLength(level)))
        {
            errors.Add($"{where()}: mã '{code}' không hợp lệ; mã cấp {levelText} gồm {CodeLength(level)} chữ số.");
        }

        if (name.Length == 0 || name.Length > Data.UnitColumns.Name)
        {
            errors.Add($"{where()}: tên đơn vị trống hoặc dài quá {Data.UnitColumns.Name} ký tự.");
        }

        if (!UnitKinds.TryParse(type, level, out var kind))
        {
            errors.Add($"{where()}: loại đơn vị '{type}' không hợp lệ với cấp {levelText}.");
        }

        if (level == UnitLevel.Province && parent.Length > 0)
        {
            errors.Add($"{where()}: tỉnh không có đơn vị cấp trên nhưng cột parent_code là '{parent}'.");
        }

        if (level != UnitLevel.Province && parent.Length == 0)
        {
            errors.Add($"{where()}: thiếu mã đơn vị cấp trên (parent_code).");
        }

        return errors.Count > before ? null : new UnitState(code, name, level, kind, parent.Length == 0 ? null : parent);
    }

    private static void CheckParents(string sourceName, List<UnitState> units, List<long> lines, Dictionary<string, UnitLevel> codes, List<string> errors)
    {
        for (var i = 0; i < units.Count && errors.Count < MaxErrors; i++)
        {
            var unit = units[i];
            if (unit.ParentCode is null)
            {
                continue;
            }

            if (!codes.TryGetValue(unit.ParentCode, out var parentLevel))
            {
                errors.Add($"{sourceName}, dòng {lines[i]}: đơn vị cấp trên {unit.ParentCode} của {unit.Code} không có trong tệp.");
            }
            else if (parentLevel >= unit.Level)
            {
                errors.Add($"{sourceName}, dòng {lines[i]}: đơn vị cấp trên {unit.ParentCode} không ở cấp cao hơn {unit.Code}.");
            }
        }
    }

    private static MappingRow? ReadMapping(UnitFileFormat format, string[] record, Func<string> where, List<string> errors)
    {
        var before = errors.Count;
        var oldCode = record[0].Trim();
        var newCode = record[1].Trim();
        if (!IsCode(oldCode, 5))
        {
            errors.Add($"{where()}: mã cũ '{oldCode}' không phải mã xã 5 chữ số.");
        }

        if (!IsCode(newCode, 5))
        {
            errors.Add($"{where()}: mã mới '{newCode}' không phải mã xã 5 chữ số.");
        }

        var share = SuccessionShare.Whole;
        var primary = true;
        string? basis = null;
        string? note = null;
        if (format is UnitFileFormat.DetailMapping or UnitFileFormat.ChangeMapping)
        {
            var shareText = record[2].Trim();
            if (!TryParseShare(shareText, out share))
            {
                errors.Add($"{where()}: cột share '{shareText}' không hợp lệ (whole, part, renamed, reparented).");
            }
        }

        if (format == UnitFileFormat.DetailMapping)
        {
            var primaryText = record[3].Trim();
            if (primaryText is not ("0" or "1"))
            {
                errors.Add($"{where()}: cột primary phải là 0 hoặc 1, không phải '{primaryText}'.");
            }

            primary = primaryText == "1";
            basis = NullIfEmpty(record[4]);
            note = NullIfEmpty(record[5]);
        }
        else if (format == UnitFileFormat.ChangeMapping)
        {
            note = NullIfEmpty(record[3]);
        }

        if (note is { Length: > 2000 })
        {
            errors.Add($"{where()}: ghi chú dài quá 2000 ký tự.");
        }

        if (share is SuccessionShare.Renamed or SuccessionShare.Reparented && oldCode != newCode)
        {
            errors.Add($"{where()}: dòng '{share.ToString().ToLowerInvariant()}' phải giữ nguyên mã, nhưng {oldCode} ≠ {newCode}.");
        }

        return errors.Count > before ? null : new MappingRow(oldCode, newCode, share, primary, basis, note);
    }

    private static bool TryParseShare(string text, out SuccessionShare share)
    {
        switch (text)
        {
            case "whole":
                share = SuccessionShare.Whole;
                return true;
            case "part":
                share = SuccessionShare.Part;
                return true;
            case "renamed":
                share = SuccessionShare.Renamed;
                return true;
            case "reparented":
                share = SuccessionShare.Reparented;
                return true;
            default:
                share = default;
                return false;
        }
    }

    private static int CodeLength(UnitLevel level) => level switch
    {
        UnitLevel.Province => 2,
        UnitLevel.District => 3,
        _ => 5,
    };

    private static bool IsCode(string code, int length) => code.Length == length && code.All(char.IsAsciiDigit);

    private static string? NullIfEmpty(string value)
    {
        var cleaned = VietnameseText.Clean(value);
        return cleaned.Length == 0 ? null : cleaned;
    }
}
