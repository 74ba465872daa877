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

    /// <summary>The UTF-8 byte order mark, which lets Excel open exported files with Vietnamese intact.</summary>
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Opens a parser over CSV text.</summary>
    public static TextFieldParser Open(string text) => Open(text, ',');

    /// <summary>
    /// Opens a parser over text separated by <paramref name="delimiter"/> (Excel set to Vietnamese regional
    /// settings saves ";"-separated "CSV").
    /// </summary>
    public static TextFieldParser Open(string text, char delimiter)
    {
        var parser = new LineCountingParser(text)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(new string(delimiter, 1));
        return parser;
    }

    /// <summary>Reads the next record; null at the end. <paramref name="line"/> is its first line in the file.</summary>
    public static Record? ReadRecord(TextFieldParser parser, string sourceName, out long line)
    {
        ArgumentNullException.ThrowIfNull(parser);
        line = parser.LineNumber;

        // ReadFields skips blank lines before a record without counting them in the LineNumber read above.
        if (parser is LineCountingParser counting)
        {
            line = counting.SkipBlank(line);
        }

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

    /// <summary>A whole CSV file for download: UTF-8 with a byte order mark, CRLF line ends, formulas neutralised.</summary>
    public static byte[] Document(IEnumerable<string?> header, IEnumerable<IEnumerable<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(Line(header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(Line(row)).Append("\r\n");
        }

        return [.. Utf8Bom, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A parser that knows which lines of its text are blank, so that records get their true first line.</summary>
    private sealed class LineCountingParser(string text) : TextFieldParser(new StringReader(text))
    {
        private readonly bool[] _blank = BlankLines(text);

        /// <summary>The first line at or after <paramref name="line"/> (1-based) that is not blank.</summary>
        public long SkipBlank(long line)
        {
            while (line >= 1 && line <= _blank.Length && _blank[line - 1])
            {
                line++;
            }

            return line;
        }

        /// <summary>Splits lines as <see cref="TextReader.ReadLine"/> does (\r, \n or \r\n); blank means white space only.</summary>
        private static bool[] BlankLines(string text)
        {
            var blank = new List<bool>();
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] is '\r' or '\n')
                {
                    blank.Add(text.AsSpan(start, i - start).IsWhiteSpace());
                    if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            return [.. blank];
        }
    }
}
