using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Data;

namespace ToanDan.Web.Features.Audit.Staff;

/// <summary>Checks the audit trail's hash chain on demand (same check as the <c>audit verify</c> command).</summary>
[Authorize(Policy = AuditPermissions.Verify)]
public sealed class VerifyModel(ToanDanDb db) : PageModel
{
    public AuditChain.Verification? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct) => Result = await AuditChain.VerifyAsync(db, ct);
}
