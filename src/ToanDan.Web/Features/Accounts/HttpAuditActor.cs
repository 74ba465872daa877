using System.Security.Claims;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Web.Features.Accounts;

/// <summary>
/// The actor of the current request: the signed-in staff member with the client address, or, outside a
/// request (command line, background work), the operating-system user of the process.
/// </summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? UserId => User?.UserId();

    public string Name => User?.Identity?.Name
        ?? (accessor.HttpContext is null ? "cli:" + Environment.UserName : "ẩn danh");

    // Staff actions carry the client address; anonymous citizens' never do.
    public string? ClientIp => User is null ? null : accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
