using System.Text.RegularExpressions;
using System.Xml.Linq;
using ToanDan.Web.Features.Units.Staff;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Tests.Infrastructure.Web;

/// <summary>Vietnamese first, English second: every interface text looked up with L["…"] (with or without format arguments) has an English translation.</summary>
public partial class LocalizationTests
{
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ToanDan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }

    [GeneratedRegex("""L\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex Lookup();

    [Fact]
    public void EveryLocalizedText_HasAnEnglishEntry()
    {
        var web = Path.Combine(Root(), "src", "ToanDan.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value"));
        var keys = Directory.EnumerateFiles(Path.Combine(web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Concat(StaffMenu.All.Select(i => (File: "StaffMenu", Key: i.Label)))
            .Concat(UnitsText.Keys.Select(k => (File: "UnitsText", Key: k)))
            .Concat(PlaceSheet.Columns.Select(c => (File: "PlaceSheet", Key: c.Accepts)))
            .Concat([(File: "Units/Staff/Index", Key: IndexModel.LastDayOfDistricts), (File: "Units/Staff/Index", Key: IndexModel.TodayLabel)])
            .Where(k => !k.Key.StartsWith("item.", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !english.TryGetValue(k.Key, out var value) || string.IsNullOrWhiteSpace(value)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing English for: " + string.Join("; ", missing.Select(m => $"{m.File}: {m.Key}")));
    }
}
