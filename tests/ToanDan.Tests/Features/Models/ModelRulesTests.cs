using ToanDan.Web.Features.Models;
using ToanDan.Web.Infrastructure.Demo;

namespace ToanDan.Tests.Features.Models;

/// <summary>
/// The pure rules of the Models module. Legal basis: Hướng dẫn 22/HD-BCA-V05 (18/11/2022) on building and replicating
/// models and exemplars (counting by model, "điểm" and tổ; evaluation of models that have run long enough).
/// </summary>
public sealed class ModelRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateTime Now = new(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);

    private static MovementModel Model(DateOnly established, bool cluster = false, string kind = "selfManaged") =>
        MovementModel.Create("10606", new ModelDetails("Tổ liên gia tự quản thôn Đông", kind, "general", established, cluster, null), Today, Now).Value;

    private static PointDetails Point(DateOnly from, DateOnly? closed = null, int teams = 2, int members = 14) =>
        new("10606", null, "Thôn Đông", from, closed, teams, members);

    // HD 22/2022: "maintained" models are those running on the date; a paused or dissolved one is not.
    [Fact]
    public void IsMaintainedAt_FollowsTheStatusHistory_HD22()
    {
        var model = Model(new DateOnly(2018, 3, 1));
        Assert.True(model.ChangeStatus(ModelStatus.Paused, new DateOnly(2020, 6, 1), null, Today, Now).IsSuccess);
        Assert.True(model.ChangeStatus(ModelStatus.Active, new DateOnly(2021, 3, 1), null, Today, Now).IsSuccess);
        Assert.True(model.ChangeStatus(ModelStatus.Dissolved, new DateOnly(2022, 1, 1), null, Today, Now).IsSuccess);
        var facts = model.Facts();
        Assert.False(ModelRules.IsMaintainedAt(facts, new DateOnly(2018, 2, 28)));
        Assert.True(ModelRules.IsMaintainedAt(facts, new DateOnly(2018, 3, 1)));
        Assert.True(ModelRules.IsMaintainedAt(facts, new DateOnly(2020, 5, 31)));
        Assert.False(ModelRules.IsMaintainedAt(facts, new DateOnly(2020, 12, 31)));
        Assert.True(ModelRules.IsMaintainedAt(facts, new DateOnly(2021, 12, 31)));
        Assert.False(ModelRules.IsMaintainedAt(facts, new DateOnly(2022, 1, 1)));
    }

    // HD 22/2022: "built in year Y" counts models established that year, whatever happened to them later.
    [Fact]
    public void IsBuiltIn_CountsTheEstablishedYear_EvenIfDissolvedLater_HD22()
    {
        var model = Model(new DateOnly(2020, 12, 31));
        Assert.True(model.ChangeStatus(ModelStatus.Dissolved, new DateOnly(2021, 1, 2), null, Today, Now).IsSuccess);
        Assert.True(ModelRules.IsBuiltIn(model.Facts(), 2020));
        Assert.False(ModelRules.IsBuiltIn(model.Facts(), 2021));
    }

    // HD 22/2022 (Hòa Bình guide): record the model, the total of "điểm" (each area where it is applied) and the tổ
    // running it (a điểm may have several); only models maintained and points running on the date count.
    [Fact]
    public void CountAt_CountsModelsPointsTeamsAndMembers_HD22()
    {
        var a = Model(new DateOnly(2019, 1, 1));
        a.AddPoint(Point(new DateOnly(2019, 1, 1), teams: 2, members: 14), Today, Now);
        a.AddPoint(Point(new DateOnly(2019, 6, 1), closed: new DateOnly(2020, 7, 1), teams: 1, members: 6), Today, Now);
        a.AddPoint(Point(new DateOnly(2021, 1, 1), teams: 3, members: 20), Today, Now);
        var cluster = Model(new DateOnly(2020, 5, 1), cluster: true, kind: "linkedCluster");
        cluster.AddPoint(Point(new DateOnly(2020, 5, 1), teams: 1, members: 10), Today, Now);
        var paused = Model(new DateOnly(2015, 1, 1));
        paused.AddPoint(Point(new DateOnly(2015, 1, 1)), Today, Now);
        paused.ChangeStatus(ModelStatus.Paused, new DateOnly(2020, 1, 1), null, Today, Now);

        var count = ModelRules.CountAt([a.Facts(), cluster.Facts(), paused.Facts()], new DateOnly(2020, 12, 31));
        Assert.Equal(new ModelCount(Models: 2, Points: 2, Teams: 3, Members: 24, Clusters: 1), count);
        Assert.Equal(new ModelCount(2, 3, 4, 30, 1), ModelRules.CountAt([a.Facts(), cluster.Facts(), paused.Facts()], new DateOnly(2020, 6, 30)));
    }

    // The closed date is the first day a point no longer runs.
    [Fact]
    public void IsPointActiveAt_EndsTheDayBeforeTheClosedDate()
    {
        var point = new PointFact("10606", new DateOnly(2020, 1, 1), new DateOnly(2020, 7, 1), 1, 5);
        Assert.False(ModelRules.IsPointActiveAt(point, new DateOnly(2019, 12, 31)));
        Assert.True(ModelRules.IsPointActiveAt(point, new DateOnly(2020, 6, 30)));
        Assert.False(ModelRules.IsPointActiveAt(point, new DateOnly(2020, 7, 1)));
    }

    // HD 22/2022: only models that have run long enough ("đủ thời gian") are evaluated; the duration is configurable
    // (ModelsOptions.MinimumAgeMonths, default 9 months by 31 December, Unconfirmed — domain.md §2).
    [Theory]
    [InlineData("2020-03-31", 9, true)]
    [InlineData("2020-04-01", 9, false)]
    [InlineData("2019-12-31", 12, true)]
    [InlineData("2020-01-01", 12, false)]
    [InlineData("2020-12-31", 0, true)]
    public void CheckEvaluation_RefusesModelsYoungerThanTheMinimumAge_HD22(string established, int months, bool allowed)
    {
        var model = Model(DateOnly.Parse(established, System.Globalization.CultureInfo.InvariantCulture));
        var error = ModelRules.CheckEvaluation(model.Facts(), 2020, months);
        Assert.Equal(allowed, error is null);
        if (!allowed)
        {
            Assert.Contains("chưa đủ", error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckEvaluation_RefusesAModelDissolvedBeforeYearEnd_HD22()
    {
        var model = Model(new DateOnly(2018, 1, 1));
        model.ChangeStatus(ModelStatus.Dissolved, new DateOnly(2020, 10, 1), null, Today, Now);
        Assert.NotNull(ModelRules.CheckEvaluation(model.Facts(), 2020, 9));
        Assert.Null(ModelRules.CheckEvaluation(model.Facts(), 2019, 9));
    }

    [Fact]
    public void Evaluate_SecondTimeTheSameYear_ReplacesTheResult()
    {
        var model = Model(new DateOnly(2018, 1, 1));
        Assert.True(model.Evaluate(2020, EvaluationResult.Effective, new DateOnly(2020, 11, 20), null, 9, Today, Now).IsSuccess);
        Assert.True(model.Evaluate(2020, EvaluationResult.NotEffective, new DateOnly(2020, 11, 25), "Sửa", 9, Today, Now).IsSuccess);
        Assert.Equal(EvaluationResult.NotEffective, Assert.Single(model.Evaluations).Result);
    }

    [Fact]
    public void ChangeStatus_RefusesIllegalMoves()
    {
        var model = Model(new DateOnly(2018, 1, 1));
        Assert.False(model.ChangeStatus(ModelStatus.Active, new DateOnly(2019, 1, 1), null, Today, Now).IsSuccess);
        Assert.False(model.ChangeStatus(ModelStatus.Paused, new DateOnly(2017, 1, 1), null, Today, Now).IsSuccess);
        Assert.False(model.ChangeStatus(ModelStatus.Paused, Today.AddDays(1), null, Today, Now).IsSuccess);
        Assert.True(model.ChangeStatus(ModelStatus.Dissolved, new DateOnly(2019, 1, 1), null, Today, Now).IsSuccess);
        Assert.False(model.ChangeStatus(ModelStatus.Active, new DateOnly(2020, 1, 1), null, Today, Now).IsSuccess);
    }

    [Fact]
    public void Edit_CannotMoveTheEstablishedDateAfterAPoint()
    {
        var model = Model(new DateOnly(2018, 1, 1));
        model.AddPoint(Point(new DateOnly(2018, 2, 1)), Today, Now);
        var edited = model.Edit(new ModelDetails("Tên mới", "selfManaged", "general", new DateOnly(2019, 1, 1), false, null), Today, Now);
        Assert.False(edited.IsSuccess);
        Assert.True(model.Edit(new ModelDetails("Tên mới", "selfManaged", "general", new DateOnly(2017, 1, 1), false, null), Today, Now).IsSuccess);
        Assert.Equal(new DateOnly(2017, 1, 1), Assert.Single(model.StatusChanges).EffectiveOn);
    }

    [Fact]
    public void AddPoint_BeforeTheModel_IsRefused()
    {
        var model = Model(new DateOnly(2018, 1, 1));
        Assert.False(model.AddPoint(Point(new DateOnly(2017, 12, 31)), Today, Now).IsSuccess);
        Assert.False(model.AddPoint(Point(new DateOnly(2018, 1, 1), closed: new DateOnly(2018, 1, 1)), Today, Now).IsSuccess);
    }

    [Fact]
    public void AddMember_OnlyForClusters_AndOnce()
    {
        var plain = Model(new DateOnly(2018, 1, 1));
        Assert.False(plain.AddMember("10609", new DateOnly(2018, 1, 1), Today, Now).IsSuccess);
        var cluster = Model(new DateOnly(2018, 1, 1), cluster: true);
        Assert.True(cluster.AddMember("10609", new DateOnly(2018, 1, 1), Today, Now).IsSuccess);
        Assert.False(cluster.AddMember("10609", new DateOnly(2018, 1, 1), Today, Now).IsSuccess);
        Assert.False(cluster.AddMember("10606", new DateOnly(2018, 1, 1), Today, Now).IsSuccess);
    }

    /// <summary>The seed's figures for Nam Sách 2020 come out of the demo records by the rules.</summary>
    [Fact]
    public void Demo_NamSach2020_Has88MaintainedAnd9Built()
    {
        var records = NamSachModelsDemo.Build(NamSachDemo.Places(Now), Today, Now);
        var facts = records.Models.Select(m => m.Facts()).ToList();
        Assert.Equal(NamSachModelsDemo.Maintained2020, ModelRules.CountAt(facts, new DateOnly(2020, 12, 31)).Models);
        Assert.Equal(NamSachModelsDemo.Built2020, facts.Count(f => ModelRules.IsBuiltIn(f, 2020)));
        Assert.Equal(19, facts.Where(f => ModelRules.IsMaintainedAt(f, new DateOnly(2020, 12, 31))).Select(f => f.UnitCode).Distinct().Count());
        Assert.Equal(5, ModelRules.CountAt(facts, new DateOnly(2020, 12, 31)).Clusters);
        Assert.Equal(92, ModelRules.CountAt(facts, new DateOnly(2021, 12, 31)).Models);
        Assert.Equal(4, facts.Count(f => ModelRules.IsBuiltIn(f, 2021)));
    }
}
