using System.Globalization;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Features.Units;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>
/// Nam Sách's 2020 "An toàn về ANTT" certifications and movement score cards, generated deterministically from the
/// 246 demo places so that the seed's figures come out of the records: 120 places (làng/KDC, cơ quan, doanh
/// nghiệp, trường học) and 7 communes recognised. In the 7 communes every eligible place is registered and all but
/// one recognised, so the derived rule (100 % registered, ≥ 70 % recognised; TT 124/2021 Điều 5 tiêu chí 4) holds;
/// in the other 12 some places are recognised but not every place registered, so it does not. Demo data, not an
/// official list.
/// </summary>
public static class NamSachSafetyDemo
{
    /// <summary>The demo year.</summary>
    public const int Year = 2020;

    /// <summary>The 7 communes recognised in 2020.</summary>
    public static readonly IReadOnlyList<string> RecognisedCommunes = ["10609", "10612", "10615", "10624", "10639", "10642", "10654"];

    /// <summary>Communes registered but not recognised in 2020.</summary>
    public static readonly IReadOnlyList<string> NotRecognisedCommunes = ["10606", "10618", "10621"];

    /// <summary>Places recognised in each of the 12 other communes (8 in the town, 4 elsewhere): 52, plus 68 in the 7 = 120.</summary>
    private static int RecognisedElsewhere(string commune) => commune == "10606" ? 8 : 4;

    /// <summary>The demo's records and cards.</summary>
    public sealed record Data(IReadOnlyList<SafetyRecord> Records, IReadOnlyList<ScoreCard> Cards);

    /// <summary>Builds the records from the demo places (as created by <see cref="NamSachDemo.Places"/>).</summary>
    public static Data Build(IReadOnlyList<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var records = new List<SafetyRecord>();
        var number = 0;
        foreach (var (code, name, isTown, _) in NamSachDemo.Communes)
        {
            var authority = $"Ủy ban nhân dân {(isTown ? "thị trấn" : "xã")} {name}";
            var eligible = places
                .Where(p => p.CommuneCode == code && SafetyRules.IsEligible(p.Kind, p.EnterpriseSize, p.SchoolLevel, p.IsArmedForces) && !IsDistrictManaged(p))
                .ToList();
            var chosen = RecognisedCommunes.Contains(code);
            var registered = chosen ? eligible.Count : RecognisedElsewhere(code) + 1;
            for (var i = 0; i < registered; i++)
            {
                // Chosen communes: all but the last recognised. Others: the first ones recognised, the next one not.
                var recognised = chosen ? i < eligible.Count - 1 : i < registered - 1;
                records.Add(Place(eligible[i], authority, recognised, ++number));
            }
        }

        var communeNumber = 0;
        foreach (var (code, name, isTown, _) in NamSachDemo.Communes)
        {
            var recognised = RecognisedCommunes.Contains(code);
            if (recognised || NotRecognisedCommunes.Contains(code))
            {
                records.Add(Commune(code, $"{(isTown ? "Thị trấn" : "Xã")} {name}", recognised, ++communeNumber));
            }
        }

        return new Data(records, Cards());
    }

    /// <summary>The district-level agencies and schools that sit in the town (recognised by the district, not counted for the town).</summary>
    private static bool IsDistrictManaged(Place place) => place.Name.Contains("huyện Nam Sách", StringComparison.Ordinal) || place.Name.StartsWith("Trường THPT", StringComparison.Ordinal);

    private static SafetyRecord Place(Place place, string authority, bool recognised, int number)
    {
        var kind = place.Kind.ToSubjectKind();
        var registeredOn = new DateOnly(Year, 2, 10 + (number % 15));
        var meetingOn = kind == SafetySubjectKind.ResidentialArea ? new DateOnly(Year, 11, 5) : new DateOnly(Year, 11, 18);
        var decidedOn = new DateOnly(Year, 11, 25);
        var record = SafetyRecord.Register(Year, kind, place.Id, place.CommuneCode, place.Name, ManagingLevel.Commune, registeredOn,
            SafetyCriteria.National(kind, Year), Instant(registeredOn));
        var answers = record.Checks.ToDictionary(c => c.Code, c => (bool?)true);
        if (!recognised)
        {
            answers[record.Checks[^1].Code] = false;
        }

        Walk(record, meetingOn, answers, recognised, authority, decidedOn, number, null);
        return record;
    }

    private static SafetyRecord Commune(string code, string name, bool recognised, int number)
    {
        var registeredOn = new DateOnly(Year, 1, 20);
        var record = SafetyRecord.Register(Year, SafetySubjectKind.Commune, null, code, name, ManagingLevel.Commune, registeredOn,
            SafetyCriteria.National(SafetySubjectKind.Commune, Year), Instant(registeredOn));
        var answers = record.Checks.Where(c => !c.Derived).ToDictionary(c => c.Code, c => (bool?)true);
        Walk(record, new DateOnly(Year, 11, 20), answers, recognised, "Ủy ban nhân dân huyện Nam Sách", new DateOnly(Year, 12, 15), number, recognised);
        return record;
    }

    private static void Walk(SafetyRecord record, DateOnly meetingOn, Dictionary<string, bool?> answers, bool recognised, string authority, DateOnly decidedOn, int number, bool? derived)
    {
        var result = recognised ? SafetyResult.Recognised : SafetyResult.NotRecognised;
        Check(record.UpdateDossier(meetingOn, "Hội nghị bình xét cuối năm (dữ liệu minh họa).", answers, new Dictionary<string, string?>(), Instant(meetingOn)).Errors is { Count: > 0 } e ? e[0] : null);
        Check(record.Submit(Instant(meetingOn.AddDays(1))));
        Check(record.Review("Đủ hồ sơ theo quy định.", Instant(meetingOn.AddDays(3))));
        Check(record.Decide(result, authority, string.Create(CultureInfo.InvariantCulture, $"{number}/QĐ-UBND"), decidedOn, derived, Instant(decidedOn)));
        if (recognised)
        {
            Check(record.IssueCertificate(string.Create(CultureInfo.InvariantCulture, $"{number}/GCN-UBND"), decidedOn, Instant(decidedOn)));
        }
    }

    private static List<ScoreCard> Cards()
    {
        var cards = new List<ScoreCard>();
        var sheet = NationalScoreSheets.For(ScoreSheetKind.Commune, Year);
        var index = 0;
        foreach (var (code, name, isTown, _) in NamSachDemo.Communes)
        {
            var (self, reviewed) = RecognisedCommunes.Contains(code) ? (0.95m, 0.92m) : index++ % 3 == 2 ? (0.7m, 0.62m) : (0.82m, 0.78m);
            cards.Add(Card(ScoringSubjectKind.Commune, code, $"{(isTown ? "Thị trấn" : "Xã")} {name}", sheet, self, reviewed, new DateOnly(Year, 11, 27)));
        }

        cards.Add(Card(ScoringSubjectKind.District, NamSachDemo.DistrictCode, "Huyện Nam Sách", NationalScoreSheets.For(ScoreSheetKind.District, Year), 0.9m, 0.88m, new DateOnly(Year, 12, 10)));
        return cards;
    }

    private static ScoreCard Card(ScoringSubjectKind kind, string code, string name, ScoreSheetDefinition sheet, decimal self, decimal reviewed, DateOnly sentOn)
    {
        var card = ScoreCard.Open(Year, kind, null, code, name, sheet, Instant(new DateOnly(Year, 11, 1)));
        var leaves = ScoringRules.Leaves(card.Items);
        Check(card.SaveSelfScore(leaves.ToDictionary(l => l.Code, l => (decimal?)(l.MaxPoints * self)), Instant(sentOn)).Errors is { Count: > 0 } e ? e[0] : null);
        Check(card.Submit(sentOn, Instant(sentOn)));
        Check(card.Review(leaves.ToDictionary(l => l.Code, l => (decimal?)(l.MaxPoints * reviewed)), "Thẩm định (dữ liệu minh họa).", Instant(sentOn.AddDays(5))));
        return card;
    }

    private static DateTime Instant(DateOnly date) => date.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private static void Check(Error? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException(error.Message);
        }
    }
}
