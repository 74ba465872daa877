using ToanDan.Web.Infrastructure.Authorization;

namespace ToanDan.Tests.Infrastructure.Authorization;

/// <summary>docs/security.md publishes the roles × permissions table generated from code; this keeps it current.</summary>
public class SecurityDocTests
{
    private const string Start = "<!-- permissions:start -->";
    private const string End = "<!-- permissions:end -->";

    private static string DocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ToanDan.slnx")))
            {
                return Path.Combine(dir.FullName, "docs", "security.md");
            }
        }

        throw new FileNotFoundException("ToanDan.slnx not found above the test binaries.");
    }

    [Fact]
    public void PermissionTable_InSecurityDoc_MatchesTheCode()
    {
        var path = DocPath();
        var doc = File.ReadAllText(path);
        var start = doc.IndexOf(Start, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/security.md lacks the permissions markers.");
        var expected = "\n" + PermissionTable.Markdown(new PermissionCatalog(AuthorizationSetup.AllPermissions));
        var actual = doc[(start + Start.Length)..end];
        if (actual != expected && Environment.GetEnvironmentVariable("TOANDAN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc[..(start + Start.Length)] + expected + doc[end..]);
            return;
        }

        Assert.True(actual == expected, "docs/security.md's permission table is out of date: run the tests once with TOANDAN_UPDATE_DOCS=1.\nExpected:\n" + expected);
    }
}
