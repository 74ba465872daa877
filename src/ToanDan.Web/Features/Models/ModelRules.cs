using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models;

/// <summary>The life of a model: active (đang duy trì), paused (tạm dừng) or dissolved (giải thể).</summary>
public enum ModelStatus
{
    Active,
    Paused,
    Dissolved,
}

/// <summary>One status change of a model, as the rules see it; <see cref="Sequence"/> orders changes of the same day.</summary>
public sealed record StatusFact(ModelStatus Status, DateOnly EffectiveOn, int Sequence);

/// <summary>One replication point ("điểm") as the rules see it; <see cref="ClosedOn"/> is the first day it no longer runs.</summary>
public sealed record PointFact(string UnitCode, DateOnly EstablishedOn, DateOnly? ClosedOn, int Teams, int Members);

/// <summary>A model as the counting rules see it: what was recorded, never a stored total.</summary>
public sealed record ModelFacts(
    Guid Id, string UnitCode, string KindCode, bool IsCluster, DateOnly EstablishedOn, IReadOnlyList<StatusFact> Statuses, IReadOnlyList<PointFact> Points);

/// <summary>What HD 22/HD-BCA-V05 asks to be counted: models, their "điểm", the teams (tổ) running them and their members.</summary>
public sealed record ModelCount(int Models, int Points, int Teams, int Members, int Clusters)
{
    public static ModelCount Zero { get; } = new(0, 0, 0, 0, 0);

    public static ModelCount operator +(ModelCount a, ModelCount b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Models + b.Models, a.Points + b.Points, a.Teams + b.Teams, a.Members + b.Members, a.Clusters + b.Clusters);
    }

    public ModelCount Add(ModelCount other) => this + other;
}

/// <summary>
/// The pure rules of the Models module. "Maintained at date D" and "built in year Y" are answers computed from
/// the recorded status history and points, never stored totals, so a report of any past date can be rebuilt.
/// Legal basis: Hướng dẫn 22/HD-BCA-V05 (18/11/2022) on building and replicating models and exemplars
/// (docs: domain.md §2).
/// </summary>
public static class ModelRules
{
    /// <summary>The status in force on <paramref name="date"/>; null before the model was established.</summary>
    public static ModelStatus? StatusAt(IEnumerable<StatusFact> statuses, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return statuses.Where(s => s.EffectiveOn <= date)
            .OrderBy(s => s.EffectiveOn).ThenBy(s => s.Sequence)
            .Select(s => (ModelStatus?)s.Status)
            .LastOrDefault();
    }

    /// <summary>
    /// A model is maintained ("đang duy trì") on <paramref name="date"/> when it was established on or before it and
    /// its status that day is <see cref="ModelStatus.Active"/>; a paused or dissolved model is not maintained.
    /// </summary>
    public static bool IsMaintainedAt(ModelFacts model, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.EstablishedOn <= date && StatusAt(model.Statuses, date) == ModelStatus.Active;
    }

    /// <summary>A model is built ("xây dựng") in year <paramref name="year"/> when it was established that year, whatever happened to it later.</summary>
    public static bool IsBuiltIn(ModelFacts model, int year)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.EstablishedOn.Year == year;
    }

    /// <summary>A point runs on <paramref name="date"/> from its established date until (not including) its closed date.</summary>
    public static bool IsPointActiveAt(PointFact point, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.EstablishedOn <= date && (point.ClosedOn is not { } closed || date < closed);
    }

    /// <summary>
    /// Counts as HD 22/HD-BCA-V05 asks: the models maintained on <paramref name="date"/>; for them, the total of
    /// "điểm" (each area where the model is applied or replicated is one điểm) running that day, the teams (a điểm
    /// may have several tổ) and their members; and how many of the models are linked clusters.
    /// </summary>
    public static ModelCount CountAt(IEnumerable<ModelFacts> models, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(models);
        var count = ModelCount.Zero;
        foreach (var model in models.Where(m => IsMaintainedAt(m, date)))
        {
            var points = model.Points.Where(p => IsPointActiveAt(p, date)).ToList();
            count += new ModelCount(1, points.Count, points.Sum(p => p.Teams), points.Sum(p => p.Members), model.IsCluster ? 1 : 0);
        }

        return count;
    }

    /// <summary>The date by which a model must have been established to be evaluated for <paramref name="year"/>.</summary>
    public static DateOnly LatestEstablishedForEvaluation(int year, int minimumAgeMonths) =>
        new DateOnly(year, 12, 31).AddMonths(-Math.Max(0, minimumAgeMonths));

    /// <summary>
    /// Whether a model can get its yearly effectiveness evaluation for <paramref name="year"/>: HD 22/HD-BCA-V05 has
    /// only models that have run long enough ("đủ thời gian") evaluated, so a model younger than
    /// <paramref name="minimumAgeMonths"/> on 31 December of the year is not evaluated (configurable:
    /// <see cref="ModelsOptions.MinimumAgeMonths"/>); nor is a model dissolved before 31 December of the year.
    /// Returns the reason it cannot, or null.
    /// </summary>
    public static Error? CheckEvaluation(ModelFacts model, int year, int minimumAgeMonths)
    {
        ArgumentNullException.ThrowIfNull(model);
        var latest = LatestEstablishedForEvaluation(year, minimumAgeMonths);
        if (model.EstablishedOn > latest)
        {
            return Error.Validation(
                $"Mô hình thành lập ngày {VietnamTime.Format(model.EstablishedOn)} chưa đủ {minimumAgeMonths} tháng hoạt động tính đến 31/12/{year}, nên chưa đánh giá hiệu quả năm {year} (phải thành lập từ {VietnamTime.Format(latest)} trở về trước).",
                "Year");
        }

        if (StatusAt(model.Statuses, new DateOnly(year, 12, 31)) == ModelStatus.Dissolved)
        {
            return Error.Validation($"Mô hình đã giải thể trước ngày 31/12/{year}, không đánh giá hiệu quả năm {year}.", "Year");
        }

        return null;
    }

    /// <summary>The allowed next statuses: active ↔ paused, either → dissolved; dissolved is final.</summary>
    public static IReadOnlyList<ModelStatus> NextStatuses(ModelStatus current) => current switch
    {
        ModelStatus.Active => [ModelStatus.Paused, ModelStatus.Dissolved],
        ModelStatus.Paused => [ModelStatus.Active, ModelStatus.Dissolved],
        _ => [],
    };
}

/// <summary>Vietnamese and English labels of the Models enums.</summary>
public static class ModelLabels
{
    public static string Vietnamese(this ModelStatus status) => status switch
    {
        ModelStatus.Active => "Đang duy trì",
        ModelStatus.Paused => "Tạm dừng",
        _ => "Đã giải thể",
    };

    public static string Vietnamese(this EvaluationResult result) => result == EvaluationResult.Effective ? "Hiệu quả" : "Chưa hiệu quả";

    public static string Vietnamese(this ExemplarKind kind) => kind == ExemplarKind.Collective ? "Tập thể" : "Cá nhân";

    /// <summary>Parses a status written in Vietnamese (with or without diacritics) or English.</summary>
    public static bool TryParseStatus(string? text, out ModelStatus status)
    {
        var key = Infrastructure.Text.VietnameseText.Fold(text).Trim();
        foreach (var candidate in Enum.GetValues<ModelStatus>())
        {
            if (key == Infrastructure.Text.VietnameseText.Fold(candidate.Vietnamese()) || string.Equals(key, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        (status, var ok) = key switch
        {
            "duy tri" or "hoat dong" or "dang hoat dong" => (ModelStatus.Active, true),
            "giai the" => (ModelStatus.Dissolved, true),
            _ => (ModelStatus.Active, false),
        };
        return ok;
    }
}
