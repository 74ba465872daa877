using System.Net;
using System.Security.Claims;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ToanDan.Tests.Infrastructure;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Features.Accounts;

/// <summary>Helpers of the account tests: unique users, HTML forms posted as a browser would, real sign-in.</summary>
internal static class AccountTestKit
{
    /// <summary>A password that satisfies the policy.</summary>
    public const string Password = "Kiem-thu-mat-khau-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A user name no other test uses.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Creates an account directly (not through the pages), with a known password and no forced change.</summary>
    public static async Task<Guid> NewUserAsync(ToanDanFactory factory, string userName, string roles, string? email = null, string? fullName = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<CreateUser.Handler>();
        var result = await handler.HandleAsync(new CreateUser.Command
        {
            UserName = userName,
            FullName = fullName ?? "Người dùng " + userName,
            Email = email,
            Password = Password,
            Roles = Assignments(roles),
        }, Ct);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value.UserId;
    }

    /// <summary>"CommunePolice@10606,Leader@291" as role assignments.</summary>
    public static IReadOnlyList<(StaffRole, string)> Assignments(string roles) =>
        roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('@'))
            .Select(p => (Enum.Parse<StaffRole>(p[0]), p[1]))
            .ToList();

    /// <summary>A principal as the claims factory builds it for a real account (for slice tests acting as that account).</summary>
    public static ClaimsPrincipal Principal(Guid userId, string roles) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(ClaimTypes.Name, "slice-test"),
                .. Assignments(roles).Select(a => new Claim(StaffClaims.RoleAssignment, $"{a.Item1}@{a.Item2}")),
            ],
            "Test"));

    public static async Task<T> WithDbAsync<T>(ToanDanFactory factory, Func<ToanDanDb, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ToanDanDb>());
    }

    public static Task<User?> FindUserAsync(ToanDanFactory factory, Guid id) =>
        WithDbAsync(factory, db => db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, Ct));

    public static Task<List<AuditEntry>> AuditAsync(ToanDanFactory factory, string entityId) =>
        WithDbAsync(factory, db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == entityId).OrderBy(e => e.Sequence).ToListAsync(Ct));

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(expected, response.StatusCode);
        return (response, await ParseAsync(response));
    }

    /// <summary>The fields a browser would send for a form: its inputs, selected options and textareas.</summary>
    public static Dictionary<string, string> Fields(IElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type") ?? "text";
            if (type is "submit" or "button" || ((type is "checkbox" or "radio") && !input.HasAttribute("checked")))
            {
                continue;
            }

            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        foreach (var select in form.QuerySelectorAll("select[name]"))
        {
            var selected = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
            fields[select.GetAttribute("name")!] = selected?.GetAttribute("value") ?? "";
        }

        return fields;
    }

    /// <summary>Posts the form found by <paramref name="selector"/> with some fields changed, as a browser would.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string selector, IDictionary<string, string>? values = null, string? action = null)
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form '{selector}' on the page.");
        var fields = Fields(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        var target = action ?? form.GetAttribute("action");
        Assert.False(string.IsNullOrEmpty(target), "The form has no action.");
        return client.PostAsync(target, new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>A browser without the test header: real cookies, no automatic redirects, HTTPS (the sign-in cookie is Secure).</summary>
    public static HttpClient Browser(ToanDanFactory factory) => Client(factory);

    /// <summary>A client that does not follow redirects, on the factory's HTTPS address.</summary>
    public static HttpClient Client(ToanDanFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.ClientOptions.BaseAddress });

    /// <summary>Signs in through the real page /dang-nhap; returns the answer to the form (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string login, string password)
    {
        var (_, page) = await GetPageAsync(browser, "/dang-nhap");
        return await SubmitAsync(browser, page, "main form", new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        }, action: "/dang-nhap");
    }

    /// <summary>The redirect target of a response, as a path and query.</summary>
    public static string Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect (status {(int)response.StatusCode}).");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
