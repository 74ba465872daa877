using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace ToanDan.Web.Infrastructure.Text;

/// <summary>
/// RFC 4180 CSV through the framework's own parser (<see cref="TextFieldParser"/>), with line numbers for
/// error messages, and a writer that quotes fields and neutralises spreadsheet formulas.
/// </summary>
public static class CsvFiles
{
    /// <summary>A record, or the reason it could not be read.</summary>
    public sealed record Record(string[] Fields, string? Error);

    /// <summary>Opens a parser over CSV text.</summary>
    public static TextFieldParser Open(string text)
    {
        var parser = new TextFieldParser(new StringReader(text))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        return parser;
    }

    /// <summary>Reads the next record; null at the end. <paramref name="line"/> is its first line in the file.</summary>
    public static Record? ReadRecord(TextFieldParser parser, string sourceName, out long line)
    {
        ArgumentNullException.ThrowIfNull(parser);
        line = parser.LineNumber;
        if (parser.EndOfData)
        {
            return null;
        }

        try
        {
            return new Record(parser.ReadFields() ?? [], null);
        }
        catch (MalformedLineException ex)
        {
            return new Record([], $"{sourceName}, dòng {ex.LineNumber}: dòng CSV sai định dạng (dấu ngoặc kép không khớp).");
        }
    }

    /// <summary>Formats one CSV line. Fields starting with = + - @ are prefixed with ' so spreadsheets do not run them.</summary>
    public static string Line(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var builder = new StringBuilder();
        var first = true;
        foreach (var raw in fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            var value = raw ?? "";
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            if (value.AsSpan().IndexOfAny("\",\r\n") >= 0)
            {
                builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                builder.Append(value);
            }
        }

        return builder.ToString();
    }
}
