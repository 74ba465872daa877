using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ToanDan.Web.Infrastructure.Time;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Units.Api;

/// <summary>Read-only JSON over the administrative tree, used by every unit picker.</summary>
public static partial class UnitsApi
{
    /// <summary>Maps <c>GET /api/units</c> and <c>GET /api/units/{code}</c>.</summary>
    public static RouteGroupBuilder MapUnitsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/units").WithTags("Units");
        group.MapGet("/", ListAsync).WithName("ListUnits");
        group.MapGet("/{code}", GetAsync).WithName("GetUnit");
        return group;
    }

    /// <summary>Children of <c>parent</c> (provinces when omitted) as of <c>asOf</c> (today when omitted); <c>q</c> searches instead.</summary>
    internal static async Task<Results<Ok<UnitListResponse>, ProblemHttpResult>> ListAsync(
        UnitTree tree, TimeProvider clock, string? asOf, string? parent, string? q, int? limit, CancellationToken ct)
    {
        if (!TryDate(asOf, clock, out var date))
        {
            return ApiProblems.BadRequest($"Ngày '{asOf}' không hợp lệ; dùng dạng YYYY-MM-DD.", "asOf");
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var take = Math.Clamp(limit ?? 20, 1, 100);
            if (q.Length > 100)
            {
                return ApiProblems.BadRequest("Từ khóa tìm kiếm dài quá 100 ký tự.", "q");
            }

            var found = await tree.SearchAsync(q, date, take, ct);
            return TypedResults.Ok(new UnitListResponse(date, null, found.Select(UnitDto.From).ToList()));
        }

        if (parent is not null && !IsCode(parent))
        {
            return ApiProblems.BadRequest($"Mã đơn vị '{parent}' không hợp lệ; mã gồm 2, 3 hoặc 5 chữ số.", "parent");
        }

        if (parent is not null && await tree.FindAsync(parent, date, ct) is null)
        {
            return ApiProblems.From([Infrastructure.Error.NotFound($"Không có đơn vị mã {parent} vào ngày {VietnamTime.Format(date)}.")]);
        }

        var children = await tree.ChildrenAsync(parent, date, ct);
        return TypedResults.Ok(new UnitListResponse(date, parent, children.Select(UnitDto.From).ToList()));
    }

    /// <summary>One unit as of a date, with its parent chain, predecessors and successors.</summary>
    internal static async Task<Results<Ok<UnitDetailResponse>, ProblemHttpResult>> GetAsync(
        UnitTree tree, TimeProvider clock, string code, string? asOf, CancellationToken ct)
    {
        if (!IsCode(code))
        {
            return ApiProblems.BadRequest($"Mã đơn vị '{code}' không hợp lệ; mã gồm 2, 3 hoặc 5 chữ số.", "code");
        }

        if (!TryDate(asOf, clock, out var date))
        {
            return ApiProblems.BadRequest($"Ngày '{asOf}' không hợp lệ; dùng dạng YYYY-MM-DD.", "asOf");
        }

        var unit = await tree.FindAsync(code, date, ct);
        if (unit is null)
        {
            var history = await tree.HistoryAsync(code, ct);
            var known = history.Count == 0
                ? "Mã này không có trong danh mục nào đã nhập."
                : $"Mã này có hiệu lực: {string.Join("; ", history.Select(Describe))}.";
            return ApiProblems.From([Infrastructure.Error.NotFound($"Không có đơn vị mã {code} vào ngày {VietnamTime.Format(date)}. {known}")]);
        }

        var parents = await tree.AncestorsAsync(code, date, ct);
        var children = await tree.ChildrenAsync(code, date, ct);
        var predecessors = await tree.PredecessorsAsync(code, date, ct);
        var successors = await tree.SuccessorsAsync(code, date, ct);
        return TypedResults.Ok(new UnitDetailResponse(
            date,
            UnitDto.From(unit),
            parents.Select(UnitDto.From).ToList(),
            children.Count,
            TraceDto.From(predecessors),
            TraceDto.From(successors)));
    }

    private static string Describe(UnitView v) =>
        $"{v.Name} ({(v.ValidFrom is { } f ? "từ " + VietnamTime.Format(f) : "từ danh mục đầu tiên")}{(v.ValidTo is { } t ? " đến hết " + VietnamTime.Format(t.AddDays(-1)) : "")})";

    private static bool TryDate(string? text, TimeProvider clock, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = VietnamTime.Today(clock);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    internal static bool IsCode(string code) => CodePattern().IsMatch(code);

    [GeneratedRegex(@"^(\d{2}|\d{3}|\d{5})$")]
    private static partial Regex CodePattern();
}

/// <summary>A unit in API responses. Dates are ISO; <c>validTo</c> is exclusive.</summary>
public sealed record UnitDto(string Code, string Name, string Level, string Kind, string KindName, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public static UnitDto From(UnitView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Code, v.Name, v.Level.ToString().ToLowerInvariant(), v.Kind.ToString(), v.Kind.Vietnamese(), v.ParentCode, v.ValidFrom, v.ValidTo);
    }
}

/// <summary>Response of <c>GET /api/units</c>.</summary>
public sealed record UnitListResponse(DateOnly AsOf, string? Parent, IReadOnlyList<UnitDto> Units);

/// <summary>Response of <c>GET /api/units/{code}</c>.</summary>
public sealed record UnitDetailResponse(
    DateOnly AsOf,
    UnitDto Unit,
    IReadOnlyList<UnitDto> Parents,
    int ChildCount,
    TraceDto Predecessors,
    TraceDto Successors);

/// <summary>A trace through reorganisations: the links followed, and the units at the far end.</summary>
public sealed record TraceDto(DateOnly ResultAsOf, IReadOnlyList<StepDto> Links, IReadOnlyList<UnitDto> Units, IReadOnlyList<string> EndedWithoutSuccessor)
{
    public static TraceDto From(SuccessionTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new(trace.ResultAsOf, trace.Steps.Select(StepDto.From).ToList(), trace.Result.Select(UnitDto.From).ToList(), trace.EndedWithoutSuccessor);
    }
}

/// <summary>One successor link in API responses.</summary>
public sealed record StepDto(DateOnly EffectiveOn, string FromCode, string? FromName, string ToCode, string? ToName, string Share, bool IsPrimary)
{
    public static StepDto From(SuccessionStep s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.EffectiveOn, s.FromCode, s.FromName, s.ToCode, s.ToName, s.Share.ToString().ToLowerInvariant(), s.IsPrimary);
    }
}
