using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>The Giấy công nhận of an issued record as a Word document (DocumentFormat.OpenXml).</summary>
[Authorize(Policy = SafetyPermissions.View)]
public sealed class CertificateDocxModel(GetSafetyRecord.Handler get, UnitTree tree) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await CertificateModel.LoadAsync(get, tree, User, id, ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Value.Certificate is not { } certificate)
        {
            return new ContentResult { StatusCode = StatusCodes.Status409Conflict, Content = "Hồ sơ này chưa được cấp Giấy công nhận.", ContentType = "text/plain; charset=utf-8" };
        }

        var name = $"giay-cong-nhan-{VietnameseText.Slug(certificate.SubjectName)}-{certificate.Year}.docx";
        return File(certificate.ToDocx(), SafetyCertificate.DocxContentType, name);
    }
}
