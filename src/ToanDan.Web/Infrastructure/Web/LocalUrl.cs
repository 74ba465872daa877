namespace ToanDan.Web.Infrastructure.Web;

/// <summary>Return addresses are followed only inside this site (no open redirect).</summary>
public static class LocalUrl
{
    /// <summary>True for a path of this site: "/…", but not "//host" or "/\host".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary><paramref name="url"/> when it is local, otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
