using System.Globalization;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>
/// Demo models of huyện Nam Sách, built as records so that the report's figures are answers to queries: at the end of
/// 2020, 88 models maintained and 9 of them built in 2020 (the seed article: "toàn huyện đang duy trì 88 mô hình …
/// Riêng năm 2020 xây dựng được 9 mô hình, cụm liên kết"). Spread over the 19 communes of 2021, with points at their
/// residential areas, five linked clusters (one with a commune of thành phố Chí Linh across the district border, one
/// with a commune of huyện Lương Tài, Bắc Ninh, across the province border), three models dissolved and two paused by
/// the end of 2020 (not maintained), four built in 2021, the 2020 evaluations and exemplars. Names are plausible demo
/// names, not an official list. Deterministic: the same records every time (ids aside).
/// </summary>
public static class NamSachModelsDemo
{
    /// <summary>Models maintained on 31/12/2020.</summary>
    public const int Maintained2020 = 88;

    /// <summary>Models built in 2020.</summary>
    public const int Built2020 = 9;

    /// <summary>Indexes (in <see cref="NamSachDemo.Communes"/>) of the communes that built a model in 2020.</summary>
    private static readonly int[] Built2020Communes = [1, 3, 5, 7, 9, 11, 14, 16, 18];

    private sealed record Template(string Kind, string Field, string Name);

    private static readonly Template[] Templates =
    [
        new("selfManaged", "general", "Tổ liên gia tự quản về an ninh, trật tự {v}"),
        new("selfProtection", "crime", "Tổ tự bảo vệ, tuần tra an ninh {v}"),
        new("selfManaged", "general", "Dòng họ {s} tự quản về an ninh, trật tự {v}"),
        new("selfPrevention", "drugs", "Câu lạc bộ phòng, chống ma túy {c}"),
        new("camera", "crime", "Camera giám sát an ninh, trật tự {v}"),
        new("selfMediation", "general", "Tổ hòa giải tự quản {v}"),
        new("other", "traffic", "Tuyến đường tự quản về trật tự, an toàn giao thông {c}"),
        new("selfProtection", "fire", "Tổ dân phòng, phòng cháy chữa cháy {v}"),
        new("other", "reintegration", "Mô hình “5 giúp 1” cảm hóa, giúp đỡ người lầm lỗi {c}"),
        new("selfPrevention", "domesticViolence", "Tổ phụ nữ phòng, chống bạo lực gia đình {v}"),
        new("selfManaged", "socialEvils", "Khu dân cư không có tệ nạn xã hội {v}"),
        new("selfProtection", "crime", "Đội thanh niên xung kích bảo vệ an ninh, trật tự {c}"),
    ];

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Phạm", "Vũ", "Đỗ", "Lê", "Hoàng", "Bùi", "Đặng", "Ngô"];

    private sealed record Cluster(int Commune, string Name, string[] Members, DateOnly Established);

    private static readonly Cluster[] Clusters =
    [
        new(0, "Cụm liên kết bảo vệ an ninh, trật tự thị trấn Nam Sách – Nam Hưng – Nam Tân", ["10609", "10612"], new(2018, 3, 26)),
        new(5, "Cụm liên kết an ninh, trật tự Thanh Quang – Quốc Tuấn", ["10624"], new(2016, 8, 19)),
        new(11, "Liên kết xây dựng vùng giáp ranh an toàn về an ninh, trật tự Cộng Hòa – Văn Đức (thành phố Chí Linh)", ["10585"], new(2017, 8, 19)),
        new(13, "Liên kết xây dựng vùng giáp ranh an toàn về an ninh, trật tự An Lâm – Minh Tân (huyện Lương Tài, tỉnh Bắc Ninh)", ["09526"], new(2019, 5, 15)),
        new(16, "Cụm liên kết phòng, chống tội phạm ven sông Thái Bình Hồng Phong – Đồng Lạc – Nam Hồng", ["10657", "10651"], new(2020, 5, 15)),
    ];

    /// <summary>What the generator produced.</summary>
    public sealed record Records(IReadOnlyList<MovementModel> Models, IReadOnlyList<Exemplar> Exemplars);

    /// <summary>Builds every demo model and exemplar; <paramref name="places"/> are the demo places (points link to them).</summary>
    public static Records Build(IReadOnlyList<Place> places, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(places);
        var areas = places.Where(p => p.Kind == PlaceKind.ResidentialArea).ToLookup(p => p.CommuneCode, StringComparer.Ordinal);
        var models = new List<MovementModel>();
        var communes = NamSachDemo.Communes;

        // The 88 maintained at the end of 2020: 4 per commune, 3 more in the town and one more in 9 communes.
        for (var i = 0; i < communes.Count; i++)
        {
            var (code, name, isTown, _) = communes[i];
            var count = 4 + (i == 0 ? 3 : 0) + (i is 2 or 4 or 6 or 8 or 10 or 12 or 13 or 15 or 17 ? 1 : 0);
            var villages = areas[code].ToList();
            var cluster = Clusters.SingleOrDefault(c => c.Commune == i);
            for (var j = 0; j < count; j++)
            {
                var builtIn2020 = j == count - 1 && Built2020Communes.Contains(i);
                var established = builtIn2020
                    ? new DateOnly(2020, 1 + ((i * 5) % 11), 1 + ((i * 7) % 27))
                    : new DateOnly(2012 + (((i * 3) + (j * 5)) % 8), 1 + ((i + j) % 12), 1 + ((i * j) % 27));
                ModelDetails details;
                if (cluster is not null && (builtIn2020 ? cluster.Established.Year == 2020 : j == 0 && cluster.Established.Year < 2020))
                {
                    details = new ModelDetails(cluster.Name, "linkedCluster", "crime", cluster.Established, true, "Dữ liệu minh họa.");
                }
                else
                {
                    var template = Templates[((i * 7) + (j * 5)) % Templates.Length];
                    var village = villages.Count == 0 ? null : villages[j % villages.Count];
                    var text = template.Name
                        .Replace("{v}", village is null ? (isTown ? $"thị trấn {name}" : $"xã {name}") : LowerFirst(village.Name), StringComparison.Ordinal)
                        .Replace("{c}", isTown ? $"thị trấn {name}" : $"xã {name}", StringComparison.Ordinal)
                        .Replace("{s}", Surnames[(i + j) % Surnames.Length], StringComparison.Ordinal);
                    details = new ModelDetails(text, template.Kind, template.Field, established, false, "Dữ liệu minh họa.");
                }

                var model = Create(code, details, today, nowUtc);
                AddPoints(model, code, villages, i, j, today, nowUtc);
                if (details.IsCluster)
                {
                    foreach (var member in cluster!.Members)
                    {
                        Check(model.AddMember(member, details.EstablishedOn, today, nowUtc));
                        Check(model.AddPoint(new PointDetails(member, null, $"Điểm tại đơn vị {member}", details.EstablishedOn, null, 1, 12), today, nowUtc));
                    }
                }

                // The 2020 evaluation of every model old enough (HD 22/2022; default minimum age).
                if (model.EstablishedOn <= ModelRules.LatestEstablishedForEvaluation(2020, ModelsOptions.DefaultMinimumAgeMonths))
                {
                    var result = (i + j) % 11 == 3 ? EvaluationResult.NotEffective : EvaluationResult.Effective;
                    Check(model.Evaluate(2020, result, new DateOnly(2020, 11, 20), null, ModelsOptions.DefaultMinimumAgeMonths, today, nowUtc));
                }

                // One maintained model of Hợp Tiến stops in 2021.
                if (i == 3 && j == 0)
                {
                    Check(model.ChangeStatus(ModelStatus.Dissolved, new DateOnly(2021, 9, 30), "Sáp nhập vào tổ liên gia tự quản (dữ liệu minh họa).", today, nowUtc));
                }

                models.Add(model);
            }
        }

        // Not maintained at the end of 2020: three dissolved, two paused (one resumes in 2021).
        foreach (var (index, established, dissolved) in new[] { (2, new DateOnly(2014, 4, 2), new DateOnly(2018, 12, 1)), (8, new DateOnly(2015, 6, 10), new DateOnly(2019, 7, 1)), (12, new DateOnly(2016, 9, 5), new DateOnly(2020, 10, 1)) })
        {
            var (code, name, _, _) = communes[index];
            var model = Create(code, new ModelDetails($"Tổ tự quản bến đò, bến sông xã {name}", "selfManaged", "general", established, false, "Dữ liệu minh họa."), today, nowUtc);
            AddPoints(model, code, areas[code].ToList(), index, 9, today, nowUtc);
            Check(model.ChangeStatus(ModelStatus.Dissolved, dissolved, "Không còn hoạt động (dữ liệu minh họa).", today, nowUtc));
            models.Add(model);
        }

        foreach (var (index, resumes) in new[] { (4, (DateOnly?)new DateOnly(2021, 3, 1)), (10, null) })
        {
            var (code, name, _, _) = communes[index];
            var model = Create(code, new ModelDetails($"Tổ an ninh trật tự khu công nghiệp, cụm dân cư xã {name}", "selfProtection", "crime", new DateOnly(2017, 2, 20), false, "Dữ liệu minh họa."), today, nowUtc);
            AddPoints(model, code, areas[code].ToList(), index, 8, today, nowUtc);
            Check(model.ChangeStatus(ModelStatus.Paused, new DateOnly(2020, 6, 1), "Tạm dừng để kiện toàn (dữ liệu minh họa).", today, nowUtc));
            if (resumes is { } date)
            {
                Check(model.ChangeStatus(ModelStatus.Active, date, "Hoạt động trở lại (dữ liệu minh họa).", today, nowUtc));
            }

            models.Add(model);
        }

        // Built in 2021.
        foreach (var index in new[] { 0, 6, 12, 17 })
        {
            var (code, name, isTown, _) = communes[index];
            var place = isTown ? $"thị trấn {name}" : $"xã {name}";
            var model = Create(code, new ModelDetails($"Camera an ninh kết nối Công an {place}", "camera", "crime", new DateOnly(2021, 3 + (index % 6), 19), false, "Dữ liệu minh họa."), today, nowUtc);
            AddPoints(model, code, areas[code].ToList(), index, 2, today, nowUtc);
            models.Add(model);
        }

        return new Records(models, Exemplars(models, today, nowUtc));
    }

    private static List<Exemplar> Exemplars(List<MovementModel> models, DateOnly today, DateTime nowUtc)
    {
        var result = new List<Exemplar>();
        var maintained = models.Where(m => ModelRules.IsMaintainedAt(m.Facts(), new DateOnly(2020, 12, 31))).ToList();
        string[] people = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Phạm Văn Thắng", "Vũ Đức Minh", "Đỗ Thị Hoa"];
        for (var k = 0; k < 8; k++)
        {
            var model = maintained[(k * 11) % maintained.Count];
            result.Add(Check(Exemplar.Create(model.UnitCode, new ExemplarDetails(
                ExemplarKind.Collective, model.Name, model.Id, "Tiêu biểu trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2020 (dữ liệu minh họa).",
                "Chủ tịch Ủy ban nhân dân huyện Nam Sách", $"{1820 + k}/QĐ-UBND", new DateOnly(2020, 8, 14)), today, nowUtc)));
        }

        for (var k = 0; k < people.Length; k++)
        {
            var model = maintained[((k * 17) + 5) % maintained.Count];
            var year = k < 4 ? 2020 : 2019;
            result.Add(Check(Exemplar.Create(model.UnitCode, new ExemplarDetails(
                ExemplarKind.Individual, $"Ông/bà {people[k]} (dữ liệu minh họa)", model.Id, "Tích cực tham gia tuần tra, phát hiện, tố giác tội phạm.",
                "Chủ tịch Ủy ban nhân dân huyện Nam Sách", $"{1830 + k}/QĐ-UBND", new DateOnly(year, 8, 14)), today, nowUtc)));
        }

        return result;
    }

    private static void AddPoints(MovementModel model, string code, List<Place> villages, int i, int j, DateOnly today, DateTime nowUtc)
    {
        var count = 1 + ((i + j) % 3);
        for (var p = 0; p < count; p++)
        {
            var village = villages.Count == 0 ? null : villages[(j + p) % villages.Count];
            var teams = 1 + ((i + j + p) % 3);
            var members = teams * (5 + ((i + (2 * j) + p) % 6));

            // Some second or third points stopped in mid-2019: recorded, but not counted at the end of 2020.
            DateOnly? closed = p > 0 && (i + j) % 9 == 0 && model.EstablishedOn < new DateOnly(2019, 6, 1) ? new DateOnly(2019, 6, 1) : null;
            Check(model.AddPoint(new PointDetails(code, village?.Id, village?.Name ?? $"Điểm tại đơn vị {code}", model.EstablishedOn, closed, teams, members), today, nowUtc));
        }
    }

    private static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];

    private static MovementModel Create(string unit, ModelDetails details, DateOnly today, DateTime nowUtc) =>
        Check(MovementModel.Create(unit, details, today, nowUtc));

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException("Demo models: " + result.Errors[0].Message);
}
