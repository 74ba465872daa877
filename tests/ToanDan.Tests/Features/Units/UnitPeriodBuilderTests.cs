using ToanDan.Web.Features.Units;
using ToanDan.Web.Features.Units.Import;

namespace ToanDan.Tests.Features.Units;

/// <summary>The rule that turns dated catalogues into unit periods (see UnitPeriodBuilder).</summary>
public class UnitPeriodBuilderTests
{
    private static readonly DateOnly D2021 = new(2021, 7, 1);
    private static readonly DateOnly D2025a = new(2025, 3, 1);
    private static readonly DateOnly D2025b = new(2025, 7, 1);

    private static UnitState Commune(string code, string name, string parent) => new(code, name, UnitLevel.Commune, UnitKind.Commune, parent);

    [Fact]
    public void Build_UnchangedUnit_KeepsOnePeriodWithOpenStartAndEnd()
    {
        var a = Commune("10642", "Xã Thái Tân", "291");
        var periods = UnitPeriodBuilder.Build([new(D2021, [a]), new(D2025a, [a])]);
        var only = Assert.Single(periods);
        Assert.Null(only.From);
        Assert.Null(only.To);
    }

    [Fact]
    public void Build_RenamedUnit_ClosesOldPeriodAndOpensNewOnTheSnapshotDate()
    {
        var periods = UnitPeriodBuilder.Build([
            new(D2021, [Commune("10645", "Xã An Lâm", "291")]),
            new(D2025a, [Commune("10645", "Xã An Phú", "291")]),
        ]).OrderBy(p => p.From ?? DateOnly.MinValue).ToList();
        Assert.Equal(2, periods.Count);
        Assert.Equal(("Xã An Lâm", (DateOnly?)null, (DateOnly?)D2025a), (periods[0].State.Name, periods[0].From, periods[0].To));
        Assert.Equal(("Xã An Phú", (DateOnly?)D2025a, (DateOnly?)null), (periods[1].State.Name, periods[1].From, periods[1].To));
    }

    [Fact]
    public void Build_NewParent_OpensNewPeriod()
    {
        var periods = UnitPeriodBuilder.Build([
            new(D2025a, [Commune("10606", "Xã Nam Sách", "291")]),
            new(D2025b, [Commune("10606", "Xã Nam Sách", "31")]),
        ]);
        Assert.Equal(2, periods.Count);
        Assert.Contains(periods, p => p.State.ParentCode == "31" && p.From == D2025b && p.To is null);
    }

    [Fact]
    public void Build_UnitMissingFromLaterSnapshot_IsClosedOnThatDate()
    {
        var periods = UnitPeriodBuilder.Build([
            new(D2021, [Commune("10624", "Xã Quốc Tuấn", "291"), Commune("10621", "Xã Thanh Quang", "291")]),
            new(D2025a, [Commune("10621", "Xã Quốc Tuấn", "291")]),
        ]);
        var gone = Assert.Single(periods, p => p.State.Code == "10624");
        Assert.Equal(D2025a, gone.To);
    }

    [Fact]
    public void Build_UnitAddedLater_StartsOnItsFirstSnapshot()
    {
        var periods = UnitPeriodBuilder.Build([
            new(D2021, [Commune("10606", "Thị trấn Nam Sách", "291")]),
            new(D2025b, [Commune("10606", "Thị trấn Nam Sách", "291"), Commune("10705", "Xã Nam An Phụ", "31")]),
        ]);
        Assert.Equal(D2025b, Assert.Single(periods, p => p.State.Code == "10705").From);
    }

    [Fact]
    public void Build_SnapshotOrder_DoesNotMatter()
    {
        var s1 = new CatalogueSnapshot(D2021, [Commune("10645", "Xã An Lâm", "291"), Commune("10648", "Xã Phú Điền", "291")]);
        var s2 = new CatalogueSnapshot(D2025a, [Commune("10645", "Xã An Phú", "291")]);
        var s3 = new CatalogueSnapshot(D2025b, [Commune("10645", "Xã An Phú", "31")]);
        var forward = UnitPeriodBuilder.Build([s1, s2, s3]).OrderBy(p => p.State.Code).ThenBy(p => p.From).ToList();
        var shuffled = UnitPeriodBuilder.Build([s3, s1, s2]).OrderBy(p => p.State.Code).ThenBy(p => p.From).ToList();
        Assert.Equal(forward, shuffled);
        Assert.Equal(4, forward.Count);
    }

    [Fact]
    public void Build_DuplicateCodeInSnapshot_Throws()
    {
        var a = Commune("10645", "Xã An Lâm", "291");
        Assert.Throws<ArgumentException>(() => UnitPeriodBuilder.Build([new(D2021, [a, a])]));
    }
}
