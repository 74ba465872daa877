using System.Security.Claims;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Reports;

/// <summary>
/// The per-commune overview (Tổng hợp theo xã, issue 6): for each commune of a unit in a year, its models maintained on
/// 31 December and built in the year with their điểm and tổ, its places recognised "An toàn về ANTT" against those
/// that take part, the derived commune rule (TT 124/2021 Điều 5 tiêu chí 4), the commune's own certification result,
/// and its QĐ 510 movement score and grade. Every figure comes from the modules' read services (ModelStatistics,
/// SafetyResults, ScoringResults), which apply their own rules; nothing is counted here twice or stored. The communes
/// and the codes whose records roll up into each are those of <see cref="UnitScopes"/>, so the totals are the annual
/// report's figures of the same request.
/// </summary>
public static class BuildCommuneOverview
{
    /// <summary>The overview to build; <paramref name="User"/> must hold <see cref="ReportsPermissions.ViewAnnual"/> on the unit.</summary>
    public sealed record Query(string UnitCode, int Year, ReportTree Tree, ClaimsPrincipal User);

    /// <summary>The figures of one commune code (a commune of the tree, or under the current tree one it was made from).</summary>
    /// <param name="Code">The commune code the records are filed under.</param>
    /// <param name="Name">Its name (for a former commune, the name it last had).</param>
    /// <param name="Models">Models owned by it: maintained on 31/12 with points, teams, members; built in the year; exemplars.</param>
    /// <param name="Safety">Its places and its own certification record of the year.</param>
    /// <param name="Score">Its own score card of the year, if any.</param>
    public sealed record Part(string Code, string Name, UnitModelFigures Models, CommuneSafetyResult Safety, UnitScore? Score)
    {
        /// <summary>The commune's own certification, as shown in the overview.</summary>
        public CertificationState Certification => Safety.RecordId is null ? CertificationState.NotRegistered
            : Safety.IsRecognised ? CertificationState.Recognised
            : Safety.Result == SafetyResult.NotRecognised && Safety.Status is SafetyStatus.Decided or SafetyStatus.CertificateIssued ? CertificationState.NotRecognised
            : CertificationState.InProgress;

        /// <summary>True when the code has any record of the year (used to leave empty former communes out).</summary>
        internal bool HasRecords => Models.Maintained.Models > 0 || Models.BuiltInYear > 0 || Models.Exemplars > 0
            || Safety.Rule.Eligible > 0 || Safety.PlacesRegistered > 0 || Safety.RecordId is not null || Score is not null;
    }

    /// <summary>
    /// One row: a commune of the tree. Under the historic tree it has one part (itself). Under the current tree it also
    /// has the former communes it was made from that have records of the year; their figures add up in the row, and
    /// their own results (certification, score) stay on their own lines, since a merged commune has no result of its own
    /// for a year before it existed. Former communes without any record of the year are left out.
    /// </summary>
    public sealed record Row(string Code, string Name, IReadOnlyList<Part> Parts)
    {
        /// <summary>True when the row is the commune alone (always under the historic tree).</summary>
        public bool Alone => Parts.Count == 1 && Parts[0].Code == Code;

        public ModelCount Maintained => Parts.Aggregate(ModelCount.Zero, (sum, p) => sum + p.Models.Maintained);

        public int BuiltInYear => Parts.Sum(p => p.Models.BuiltInYear);

        /// <summary>Places taking part in the commune rule (eligible, not managed above), registered and recognised.</summary>
        public CommuneRuleResult Places => CommuneRule.Evaluate(Parts.Sum(p => p.Safety.Rule.Eligible), Parts.Sum(p => p.Safety.Rule.Registered), Parts.Sum(p => p.Safety.Rule.Recognised));

        /// <summary>Every place recognised under the row's codes, including places managed by the district or province.</summary>
        public int PlacesRecognised => Parts.Sum(p => p.Safety.PlacesRecognised);

        /// <summary>Codes of the row whose derived rule holds.</summary>
        public int RuleMet => Parts.Count(p => p.Safety.Rule.Met);

        /// <summary>Codes of the row recognised themselves.</summary>
        public int Recognised => Parts.Count(p => p.Certification == CertificationState.Recognised);
    }

    /// <summary>
    /// The overview: rows in code order; <paramref name="Above"/> the models owned by the unit itself and the units between it
    /// and its communes (they count in the unit's figures but belong to no commune), null when there are none;
    /// <paramref name="UnitScore"/> the unit's own card (a district's), if any.
    /// </summary>
    public sealed record Overview(UnitView Unit, int Year, ReportTree Tree, DateOnly TreeAsOf, DateOnly ModelsOn, IReadOnlyList<Row> Rows, UnitModelFigures? Above, UnitScore? UnitScore)
    {
        public IEnumerable<Part> Parts => Rows.SelectMany(r => r.Parts);

        public ModelCount Maintained => Rows.Aggregate(Above?.Maintained ?? ModelCount.Zero, (sum, r) => sum + r.Maintained);

        public int BuiltInYear => Rows.Sum(r => r.BuiltInYear) + (Above?.BuiltInYear ?? 0);

        public CommuneRuleResult Places => CommuneRule.Evaluate(Rows.Sum(r => r.Places.Eligible), Rows.Sum(r => r.Places.Registered), Rows.Sum(r => r.Places.Recognised));

        public int PlacesRecognised => Rows.Sum(r => r.PlacesRecognised);

        public int RuleMet => Rows.Sum(r => r.RuleMet);

        public int Recognised => Rows.Sum(r => r.Recognised);

        public int Registered => Parts.Count(p => p.Safety.RecordId is not null);

        /// <summary>Reviewed commune cards per grade.</summary>
        public IReadOnlyDictionary<ScoreGrade, int> Grades => Parts
            .Where(p => p.Score is { Status: ScoreCardStatus.Reviewed, Grade: not null })
            .CountBy(p => p.Score!.Grade!.Value).ToDictionary(g => g.Key, g => g.Value);
    }

    public sealed class Handler(UnitScopes scopes, UserScopes users, UnitTree tree, ModelStatistics models, SafetyResults safety, ScoringResults scoring, TimeProvider clock)
    {
        public async Task<Result<Overview>> HandleAsync(Query input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var today = VietnamTime.Today(clock);
            if (input.Year < BuildAnnualReport.MinYear || input.Year > today.Year)
            {
                return Error.Validation($"Năm báo cáo phải từ {BuildAnnualReport.MinYear} đến {today.Year}.", "year");
            }

            var resolved = await scopes.ResolveAsync(input.UnitCode, input.Year, input.Tree, ct);
            if (!resolved.IsSuccess)
            {
                return Result<Overview>.Failure(resolved.Errors);
            }

            var scope = resolved.Value;
            if (!await users.CanAsync(input.User, ReportsPermissions.ViewAnnual, input.UnitCode, scope.TreeAsOf, ct))
            {
                return Error.NotFound($"Không có đơn vị mã {input.UnitCode} trong phạm vi của tài khoản.");
            }

            // The same owners as the models figures: the covered communes, the unit and every unit below it.
            var above = new HashSet<string>(StringComparer.Ordinal) { scope.Unit.Code };
            if (scope.Unit.Level != UnitLevel.Commune)
            {
                above.UnionWith((await tree.DescendantsAsync(scope.Unit.Code, scope.TreeAsOf, ct)).Select(u => u.Code));
            }

            above.ExceptWith(scope.CoveredCodes);
            var codes = scope.Breakdown.SelectMany(c => c.Codes).Select(c => c.Code).ToList();
            var modelsOn = new DateOnly(input.Year, 12, 31);
            var modelFigures = await models.PerUnitAsync([.. codes, .. above], modelsOn, ct);
            var safetyResults = (await safety.CommunesAsync(codes, input.Year, ct)).ToDictionary(r => r.CommuneCode, StringComparer.Ordinal);
            var scores = await scoring.UnitsAsync([.. codes, scope.Unit.Code], input.Year, ct);

            // Under the current tree, a former commune is named as it was at the end of the year (Xã Nam Trung in 2020,
            // not the Xã Trần Phú its code became).
            var yearEnd = modelsOn < today ? modelsOn : today;
            var names = input.Tree == ReportTree.Current ? await tree.NamesOnAsync(codes, yearEnd, ct) : new Dictionary<string, string>();
            var rows = new List<Row>();
            foreach (var commune in scope.Breakdown)
            {
                var all = commune.Codes
                    .Select(c => new Part(c.Code, names.GetValueOrDefault(c.Code) ?? c.Name, modelFigures[c.Code], safetyResults[c.Code], scores.GetValueOrDefault(c.Code)))
                    .ToList();
                var parts = all.Where(p => p.HasRecords).ToList();
                rows.Add(new Row(commune.Commune.Code, commune.Commune.Name, parts.Count > 0 ? parts : [all[0]]));
            }

            var aboveFigures = above.Count == 0 ? null : above.Select(c => modelFigures[c]).Aggregate((a, b) =>
                new UnitModelFigures(scope.Unit.Code, a.Maintained + b.Maintained, a.BuiltInYear + b.BuiltInYear, a.Exemplars + b.Exemplars));
            if (aboveFigures is { Maintained.Models: 0, BuiltInYear: 0 })
            {
                aboveFigures = null;
            }

            var unitScore = scope.Unit.Level == UnitLevel.Commune ? null : scores.GetValueOrDefault(scope.Unit.Code);
            return new Overview(scope.Unit, input.Year, input.Tree, scope.TreeAsOf, modelsOn, rows, aboveFigures, unitScore);
        }
    }
}

/// <summary>A commune's own "An toàn về ANTT" result for the year, as the overview shows it.</summary>
public enum CertificationState
{
    /// <summary>No record of the commune itself for the year.</summary>
    NotRegistered,

    /// <summary>Registered, not decided yet.</summary>
    InProgress,

    /// <summary>Decided "đạt".</summary>
    Recognised,

    /// <summary>Decided "chưa đạt".</summary>
    NotRecognised,
}
