using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ToanDan.Web.Infrastructure.Spreadsheets;

/// <summary>How much of an uploaded workbook <see cref="XlsxReader"/> is willing to read.</summary>
public sealed record XlsxReadLimits
{
    /// <summary>Non-empty rows returned; further rows set <see cref="XlsxSheet.Truncated"/>.</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>A value in a column beyond this one makes the file unreadable.</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Cell elements looked at in total, empty ones included.</summary>
    public int MaxCells { get; init; } = 1_000_000;

    /// <summary>Largest uncompressed size of one part of the package.</summary>
    public long MaxPartBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest uncompressed size of the whole package.</summary>
    public long MaxTotalBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Largest number of entries in the package.</summary>
    public int MaxEntries { get; init; } = 1_000;
}

/// <summary>One non-empty row: its 1-based number in the sheet and its cells as text (trailing empty cells removed).</summary>
public sealed record XlsxRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The rows of a worksheet; <see cref="Truncated"/> when it held more non-empty rows than the limit.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxRow> Rows, bool Truncated);

/// <summary>
/// Reads the first worksheet of an .xlsx file into rows of text: shared and inline strings, numbers (invariant
/// culture), booleans (TRUE/FALSE), and numbers formatted as dates (yyyy-MM-dd). Formulas give their cached value.
/// Built to read untrusted uploads: it refuses packages whose parts are too large once uncompressed (zip bombs),
/// caps the rows and cells it reads, never resolves DTDs, and tolerates missing cell and row references.
/// </summary>
public static class XlsxReader
{
    private const string UnreadableMessage = "Tệp .xlsx không đọc được: đây không phải tệp Excel hợp lệ (hãy lưu lại bằng Excel dưới dạng “Excel Workbook (.xlsx)”).";

    /// <summary>Reads the first worksheet, or says in Vietnamese why the file cannot be read.</summary>
    public static Result<XlsxSheet> ReadFirstSheet(byte[] content, XlsxReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= new XlsxReadLimits();
        try
        {
            if (CheckPackage(content, limits) is { } refused)
            {
                return refused;
            }

            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = limits.MaxPartBytes,
                AutoSave = false,
            });
            if (document.WorkbookPart is not { } workbookPart)
            {
                return Error.Validation(UnreadableMessage);
            }

            var sheet = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart worksheet)
            {
                return Error.Validation("Tệp .xlsx không có trang tính (worksheet) nào để đọc.");
            }

            var date1904 = workbookPart.Workbook!.WorkbookProperties?.Date1904?.Value ?? false;
            var sharedStrings = workbookPart.SharedStringTablePart is { } sst ? ReadSharedStrings(sst, limits) : [];
            if (sharedStrings is null)
            {
                return Error.Validation("Tệp .xlsx có quá nhiều ô chữ; hệ thống không đọc tệp này.");
            }

            var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
            return ReadRows(worksheet, sheet.Name?.Value ?? "", sharedStrings, dateStyles, date1904, limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FileFormatException or XmlException
            or IOException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Error.Validation(UnreadableMessage);
        }
    }

    /// <summary>Looks at the zip directory before anything is decompressed.</summary>
    private static Result<XlsxSheet>? CheckPackage(byte[] content, XlsxReadLimits limits)
    {
        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4)
        {
            return Error.Validation(UnreadableMessage);
        }

        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxEntries)
        {
            return Error.Validation("Tệp .xlsx có quá nhiều thành phần; hệ thống không đọc tệp này.");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            // Since .NET Core 3.0 an entry never decompresses past its declared length, so checking it suffices.
            total += entry.Length;
            if (entry.Length > limits.MaxPartBytes || total > limits.MaxTotalBytes)
            {
                return Error.Validation("Tệp .xlsx quá lớn khi giải nén; hệ thống không đọc tệp này. Hãy chia nhỏ tệp.");
            }
        }

        return null;
    }

    private static XmlReader OpenXml(OpenXmlPart part, XlsxReadLimits limits) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxPartBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });

    /// <summary>The shared strings, or null when there are more than <see cref="XlsxReadLimits.MaxCells"/>.</summary>
    private static List<string>? ReadSharedStrings(SharedStringTablePart part, XlsxReadLimits limits)
    {
        var strings = new List<string>();
        using var xml = OpenXml(part, limits);
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                if (strings.Count >= limits.MaxCells)
                {
                    return null;
                }

                strings.Add(ReadText(xml));
            }
            else
            {
                xml.Read();
            }
        }

        return strings;
    }

    // The Read* helpers below start on an element and consume it whole, leaving the reader on the node after it.

    /// <summary>Reads the text of an <c>si</c> or <c>is</c> element: its own <c>t</c> and those of its rich-text runs, not phonetic hints.</summary>
    private static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else
            {
                xml.Read();
            }
        }

        xml.Read();
        return text.ToString();
    }

    private static Result<XlsxSheet> ReadRows(
        WorksheetPart worksheet, string name, List<string> sharedStrings, HashSet<uint> dateStyles, bool date1904, XlsxReadLimits limits)
    {
        var rows = new List<XlsxRow>();
        var cellsSeen = 0;
        var rowNumber = 0;
        using var xml = OpenXml(worksheet, limits);
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                xml.Read();
                continue;
            }

            rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : rowNumber + 1;
            var cells = new List<string>();
            var depth = xml.Depth;
            var empty = xml.IsEmptyElement;
            xml.Read();
            var column = -1;
            while (!empty && !xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                {
                    xml.Read();
                    continue;
                }

                if (++cellsSeen > limits.MaxCells)
                {
                    return Error.Validation($"Tệp .xlsx có quá {limits.MaxCells.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} ô; hệ thống không đọc tệp này.");
                }

                column = ColumnIndex(xml.GetAttribute("r")) ?? column + 1;
                var value = ReadCell(xml, sharedStrings, dateStyles, date1904);
                if (value.Length == 0)
                {
                    continue;
                }

                if (column >= limits.MaxColumns)
                {
                    return Error.Validation($"Dòng {rowNumber} có dữ liệu ở cột thứ {column + 1}; tệp chỉ được dùng {limits.MaxColumns} cột đầu.");
                }

                while (cells.Count <= column)
                {
                    cells.Add("");
                }

                cells[column] = value;
            }

            if (!empty)
            {
                xml.Read();
            }

            if (cells.Count == 0 || cells.TrueForAll(c => c.Trim().Length == 0))
            {
                continue;
            }

            if (rows.Count >= limits.MaxRows)
            {
                return new XlsxSheet(name, rows, Truncated: true);
            }

            rows.Add(new XlsxRow(rowNumber, cells));
        }

        return new XlsxSheet(name, rows, Truncated: false);
    }

    private static string ReadCell(XmlReader xml, List<string> sharedStrings, HashSet<uint> dateStyles, bool date1904)
    {
        var type = xml.GetAttribute("t");
        var style = uint.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        string? raw = null;
        string? inline = null;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
            }
            else if (xml.LocalName == "v")
            {
                raw = xml.ReadElementContentAsString();
            }
            else if (xml.LocalName == "is")
            {
                inline = ReadText(xml);
            }
            else
            {
                xml.Skip();
            }
        }

        xml.Read();
        return type switch
        {
            "inlineStr" => inline ?? raw ?? "",
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : "",
            "b" => raw?.Trim() switch { "1" => "TRUE", "0" => "FALSE", _ => raw ?? "" },
            "str" or "e" => raw ?? "",
            "d" => raw is { Length: >= 10 } iso ? iso[..10] : raw ?? "",
            _ => Number(raw, dateStyles.Contains(style), date1904),
        };
    }

    private static string Number(string? raw, bool isDate, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw?.Trim() ?? "";
        }

        if (isDate && number is >= 0 and < 2958466)
        {
            var date = DateTime.FromOADate(number + (date1904 ? 1462 : 0));
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }

        // Fifteen significant digits, as Excel shows them: 0.1+0.2 reads 0.3, 10606 reads 10606.
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>The zero-based column of a cell reference such as "C12"; null when absent or malformed.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (++letters > 3)
            {
                return null;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    /// <summary>Style indexes whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is not { } formats)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    /// <summary>True when a custom format code shows a day or a year (quoted text, escapes and [..] sections aside).</summary>
    internal static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (inQuotes)
            {
                inQuotes = ch != '"';
            }
            else if (inBrackets)
            {
                inBrackets = ch != ']';
            }
            else if (ch == '"')
            {
                inQuotes = true;
            }
            else if (ch == '[')
            {
                inBrackets = true;
            }
            else if (ch is '\\' or '_' or '*')
            {
                i++;
            }
            else if (ch is 'd' or 'D' or 'y' or 'Y')
            {
                return true;
            }
        }

        return false;
    }

}
