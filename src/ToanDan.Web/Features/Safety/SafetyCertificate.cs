using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Safety;

/// <summary>
/// The content of a Giấy công nhận (TT 124/2021 appendix form), shared by the print page and the .docx. Layout follows
/// NĐ 30/2020/NĐ-CP Phụ lục I: A4, Times New Roman, quốc hiệu 13 pt bold upper case, tiêu ngữ 14 pt bold, margins
/// 20/20/30/15 mm.
/// </summary>
public sealed record SafetyCertificate(
    string Authority, string CertificateNumber, DateOnly IssuedOn, string PlaceName, string SubjectKind, string SubjectName, string UnitName, int Year,
    string DecisionNumber, DateOnly DecidedOn)
{
    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The MIME type of .docx files.</summary>
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Builds the certificate of an issued record.</summary>
    public static SafetyCertificate? For(SafetyRecord record, string unitName)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status != SafetyStatus.CertificateIssued || record.CertificateIssuedOn is not { } issued || record.DecidedOn is not { } decided)
        {
            return null;
        }

        var place = unitName.Replace("Thị trấn ", "", StringComparison.Ordinal).Replace("Xã ", "", StringComparison.Ordinal).Replace("Phường ", "", StringComparison.Ordinal);
        return new SafetyCertificate(record.DecisionAuthority ?? "", record.CertificateNumber ?? "", issued, place, record.Kind.Vietnamese(), record.SubjectName, unitName, record.Year,
            record.DecisionNumber ?? "", decided);
    }

    /// <summary>"Nam Sách, ngày 25 tháng 11 năm 2020".</summary>
    public string PlaceAndDate => $"{PlaceName}, ngày {IssuedOn.Day:00} tháng {IssuedOn.Month:00} năm {IssuedOn.Year}";

    /// <summary>The recognition sentence.</summary>
    public string Body => $"Đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The decision the certificate rests on.</summary>
    public string Basis => $"(Kèm theo Quyết định số {DecisionNumber} ngày {VietnamTime.Format(DecidedOn)} của {Authority})";

    /// <summary>The certificate as a Word document.</summary>
    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            var header = new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, new TableBorders()),
                new TableRow(
                    Cell(2000, Para(Authority.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 13, bold: true), Para($"Số: {CertificateNumber}", 13)),
                    Cell(3000, Para(Nation, 13, bold: true), Para(Motto, 14, bold: true, underline: true))));
            body.Append(header);
            body.Append(Para(PlaceAndDate, 14, italic: true, align: JustificationValues.Right));
            body.Append(Para(" ", 14));
            body.Append(Para("GIẤY CÔNG NHẬN", 20, bold: true));
            body.Append(Para(Body, 14, bold: true));
            body.Append(Para(" ", 14));
            body.Append(Para($"{SubjectKind}: {SubjectName}", 16, bold: true));
            body.Append(Para(UnitName, 14));
            body.Append(Para(Basis, 13, italic: true));
            body.Append(Para(" ", 14));
            body.Append(Para("TM. " + Authority.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 13, bold: true, align: JustificationValues.Right));
            body.Append(Para("CHỦ TỊCH", 13, bold: true, align: JustificationValues.Right));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                new FontSize { Val = "28" }))));
        }

        return stream.ToArray();
    }

    private static TableCell Cell(int width, params Paragraph[] paragraphs) =>
        new([new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }), .. paragraphs]);

    private static Paragraph Para(string text, int points, bool bold = false, bool italic = false, bool underline = false, JustificationValues? align = null)
    {
        var run = new RunProperties(new FontSize { Val = (points * 2).ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (underline)
        {
            run.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Paragraph(
            new ParagraphProperties(new Justification { Val = align ?? JustificationValues.Center }, new SpacingBetweenLines { After = "120" }),
            new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
