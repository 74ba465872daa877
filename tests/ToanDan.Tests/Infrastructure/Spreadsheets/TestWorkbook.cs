using System.IO.Compression;
using System.Text;

namespace ToanDan.Tests.Infrastructure.Spreadsheets;

/// <summary>Hand-written .xlsx packages, to feed the reader exactly the XML a test needs.</summary>
public static class TestWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A workbook whose first sheet has <paramref name="sheetData"/> (the inside of &lt;sheetData&gt;).</summary>
    public static byte[] Build(string sheetData, string[]? sharedStrings = null, string? styles = null, bool date1904 = false) =>
        Package(new Dictionary<string, string>
        {
            ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>",
        }, sharedStrings, styles, date1904);

    /// <summary>A package with the given extra parts (sheet1 must be among them).</summary>
    public static byte[] Package(IReadOnlyDictionary<string, string> parts, string[]? sharedStrings = null, string? styles = null, bool date1904 = false)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new Dictionary<string, string>(parts)
        {
            ["[Content_Types].xml"] =
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
                "</Types>",
            ["_rels/.rels"] =
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
                "</Relationships>",
            ["xl/workbook.xml"] =
                $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
                "<sheets><sheet name=\"Dữ liệu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] =
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                (styles is null ? "" : "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>") +
                "</Relationships>",
        };
        if (sharedStrings is not null)
        {
            all["xl/sharedStrings.xml"] = $"<sst xmlns=\"{Main}\">{string.Concat(sharedStrings.Select(s => s.StartsWith('<') ? $"<si>{s}</si>" : $"<si><t>{s}</t></si>"))}</sst>";
        }

        if (styles is not null)
        {
            all["xl/styles.xml"] = $"<styleSheet xmlns=\"{Main}\">{styles}</styleSheet>";
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in all)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(xml));
            }
        }

        return buffer.ToArray();
    }
}
