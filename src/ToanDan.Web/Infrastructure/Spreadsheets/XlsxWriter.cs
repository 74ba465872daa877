using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ToanDan.Web.Infrastructure.Spreadsheets;

/// <summary>
/// Writes a one-sheet .xlsx workbook: a bold header row, then text cells. Every value is written as an
/// inline string, so nothing a user typed (for example "=1+1") ever becomes a formula, and codes keep
/// their leading zeros. Dates belong in the rows as dd/MM/yyyy text.
/// </summary>
public static class XlsxWriter
{
    /// <summary>The MIME type of .xlsx files.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const int MaxColumnWidth = 60;

    /// <summary>Builds the workbook. <paramref name="sheetName"/> is cut to Excel's 31 characters.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var data = new SheetData();
        var widths = header.Select(h => h.Length).ToArray();
        data.AppendChild(BuildRow(1, header, HeaderStyle, widths));
        uint number = 2;
        foreach (var row in rows)
        {
            data.AppendChild(BuildRow(number++, row, 0, widths));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = BuildStylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var columns = new Columns(widths.Select((w, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = Math.Min(MaxColumnWidth, w + 2),
                CustomWidth = true,
            }));
            sheetPart.Worksheet = new Worksheet(columns, data);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = SafeSheetName(sheetName),
            }));
        }

        return stream.ToArray();
    }

    private static Row BuildRow(uint number, IReadOnlyList<string?> values, uint style, int[] widths)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i] ?? "";
            if (i < widths.Length)
            {
                widths[i] = Math.Max(widths[i], value.Length);
            }

            if (value.Length == 0 && style == 0)
            {
                continue;
            }

            var cell = new Cell
            {
                CellReference = ColumnName(i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new CellText(value) { Space = SpaceProcessingModeValues.Preserve }),
            };
            if (style != 0)
            {
                cell.StyleIndex = style;
            }

            row.AppendChild(cell);
        }

        return row;
    }

    /// <summary>Style 0 is the default; style 1 is bold (the header).</summary>
    private static Stylesheet BuildStylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

    /// <summary>The column letters of a zero-based index: 0 → A, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).ToArray()).Trim('\'', ' ');
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet1";
        }

        return cleaned.Length <= 31 ? cleaned : cleaned[..31];
    }
}
