using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Accounts.Staff;
using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Features.Accounts;

/// <summary>Rules every staff page follows, checked over the code rather than over HTTP.</summary>
public sealed partial class StaffPageConventionTests
{
    private static readonly Type[] PageModels = typeof(AccountsModule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
        .ToArray();

    [Fact]
    public void EveryStaffPage_CarriesAPermissionPolicy()
    {
        var catalog = new PermissionCatalog(AuthorizationSetup.AllPermissions);
        var staffPages = PageModels.Where(t => t.Namespace!.EndsWith(".Staff", StringComparison.Ordinal)).ToList();
        Assert.Contains(typeof(IndexModel), staffPages);
        foreach (var page in staffPages)
        {
            var policies = page.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).ToList();

            // The staff home is the one page every staff member may open: it needs the staff policy only.
            var allowed = page == typeof(ToanDan.Web.Features.Home.Staff.IndexModel)
                ? policies.Contains(AuthorizationSetup.StaffPolicy)
                : policies.Any(p => p is not null && catalog.Exists(p));
            Assert.True(allowed, $"{page.FullName} needs [Authorize(Policy = <permission>)].");
            Assert.Empty(page.GetCustomAttributes<AllowAnonymousAttribute>());
        }
    }

    [Fact]
    public void EveryAccountsStaffPage_NeedsTheManageUsersPermission()
    {
        var pages = PageModels.Where(t => t.Namespace == typeof(IndexModel).Namespace).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains(p.GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy == AccountsPermissions.ManageUsers));
    }

    [Fact]
    public void EveryInterfaceText_HasAnEnglishTranslation()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "src", "ToanDan.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var keys = Directory.EnumerateFiles(Path.Combine(web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => ViewKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Concat(DetailsModel.DoneMessages.Values.Select(v => (File: "DetailsModel.DoneMessages", Key: v)))
            .ToList();
        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !english.Contains(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "No English entry in SharedResource.en.resx for:\n" + string.Join("\n", missing));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ToanDan.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ToanDan.slnx not found above the test binaries.");
    }

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex ViewKey();
}
