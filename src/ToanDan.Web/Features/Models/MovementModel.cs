using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Features.Models;

/// <summary>What describes a model, as typed in a form or a spreadsheet row.</summary>
public sealed record ModelDetails(string Name, string KindCode, string FieldCode, DateOnly EstablishedOn, bool IsCluster, string? Description)
{
    /// <summary>The field rules; catalogue codes and the unit are checked by the handlers against the database.</summary>
    public IReadOnlyList<Error> Validate(DateOnly today)
    {
        var errors = new List<Error>();
        var name = VietnameseText.Clean(Name);
        if (name.Length == 0)
        {
            errors.Add(Error.Validation("Hãy nhập tên mô hình.", nameof(Name)));
        }
        else if (name.Length > MovementModel.NameMaxLength)
        {
            errors.Add(Error.Validation($"Tên mô hình dài tối đa {MovementModel.NameMaxLength} ký tự.", nameof(Name)));
        }

        if (string.IsNullOrWhiteSpace(KindCode))
        {
            errors.Add(Error.Validation("Hãy chọn loại mô hình.", nameof(KindCode)));
        }

        if (string.IsNullOrWhiteSpace(FieldCode))
        {
            errors.Add(Error.Validation("Hãy chọn lĩnh vực.", nameof(FieldCode)));
        }

        if (EstablishedOn > today)
        {
            errors.Add(Error.Validation("Ngày thành lập không được sau hôm nay.", nameof(EstablishedOn)));
        }
        else if (EstablishedOn.Year < MovementModel.MinYear)
        {
            errors.Add(Error.Validation($"Ngày thành lập phải từ năm {MovementModel.MinYear}.", nameof(EstablishedOn)));
        }

        if (VietnameseText.Clean(Description).Length > MovementModel.DescriptionMaxLength)
        {
            errors.Add(Error.Validation($"Mô tả dài tối đa {MovementModel.DescriptionMaxLength} ký tự.", nameof(Description)));
        }

        return errors;
    }
}

/// <summary>
/// A model of the movement (mô hình) owned by the unit that built it. Its status lives in a history of changes
/// (<see cref="StatusChanges"/>) so that "maintained on a date" is a query (<see cref="ModelRules"/>); its
/// replication points ("điểm"), the member units of a linked cluster and its yearly evaluations hang below it.
/// </summary>
public sealed class MovementModel : IAudited
{
    public const int NameMaxLength = 300;
    public const int DescriptionMaxLength = 2000;
    public const int MinYear = 1990;

    private readonly List<ModelStatusChange> _statusChanges = [];
    private readonly List<ReplicationPoint> _points = [];
    private readonly List<ClusterMember> _members = [];
    private readonly List<ModelEvaluation> _evaluations = [];

    private MovementModel()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The originating unit (đơn vị xây dựng), owner of the record.</summary>
    public string UnitCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Folded name, for search and duplicate checks.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>Code of a <see cref="ModelCatalogue.Kind"/> entry.</summary>
    public string KindCode { get; private set; } = "";

    /// <summary>Code of a <see cref="ModelCatalogue.Field"/> entry.</summary>
    public string FieldCode { get; private set; } = "";

    public DateOnly EstablishedOn { get; private set; }

    /// <summary>A linked cluster (cụm liên kết) spanning the owner and its <see cref="Members"/>.</summary>
    public bool IsCluster { get; private set; }

    public string? Description { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Concurrency token, incremented on every change of the model or what hangs below it.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ModelStatusChange> StatusChanges => _statusChanges;

    public IReadOnlyList<ReplicationPoint> Points => _points;

    public IReadOnlyList<ClusterMember> Members => _members;

    public IReadOnlyList<ModelEvaluation> Evaluations => _evaluations;

    string IAudited.AuditModule => "Models";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    /// <summary>The facts the counting rules need (status history and points must be loaded).</summary>
    public ModelFacts Facts() => new(
        Id, UnitCode, KindCode, IsCluster, EstablishedOn,
        _statusChanges.Select(s => new StatusFact(s.Status, s.EffectiveOn, s.Sequence)).ToList(),
        _points.Select(p => p.Facts()).ToList());

    /// <summary>The status today (or on any date).</summary>
    public ModelStatus? StatusAt(DateOnly date) => ModelRules.StatusAt(Facts().Statuses, date);

    /// <summary>The latest status recorded, whatever its date.</summary>
    public ModelStatus LatestStatus => _statusChanges.OrderBy(s => s.EffectiveOn).ThenBy(s => s.Sequence).Last().Status;

    /// <summary>Creates a model, active from its established date.</summary>
    public static Result<MovementModel> Create(string unitCode, ModelDetails details, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(today);
        if (errors.Count > 0)
        {
            return Result<MovementModel>.Failure(errors);
        }

        var model = new MovementModel
        {
            Id = Guid.CreateVersion7(),
            UnitCode = unitCode,
            CreatedAtUtc = nowUtc,
            Version = 1,
        };
        model.Apply(details, nowUtc);
        model._statusChanges.Add(ModelStatusChange.Create(model.Id, ModelStatus.Active, details.EstablishedOn, 0, "Thành lập", nowUtc));
        return model;
    }

    /// <summary>Changes what describes the model; the first status follows a changed established date.</summary>
    public Result<bool> Edit(ModelDetails details, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(today).ToList();
        var later = _statusChanges.Where(s => s.Sequence > 0).Select(s => s.EffectiveOn)
            .Concat(_points.Select(p => p.EstablishedOn)).Concat(_members.Select(m => m.JoinedOn));
        if (later.Any(d => d < details.EstablishedOn))
        {
            errors.Add(Error.Validation("Ngày thành lập không được sau ngày đổi trạng thái, ngày lập điểm hay ngày tham gia cụm đã ghi.", nameof(ModelDetails.EstablishedOn)));
        }

        if (!details.IsCluster && _members.Count > 0)
        {
            errors.Add(Error.Validation("Mô hình đang có đơn vị tham gia cụm liên kết: hãy bỏ các đơn vị đó trước khi bỏ đánh dấu cụm liên kết.", nameof(ModelDetails.IsCluster)));
        }

        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        Apply(details, nowUtc);
        _statusChanges.Single(s => s.Sequence == 0).MoveTo(details.EstablishedOn);
        Version++;
        return true;
    }

    /// <summary>Moves the record to another owner unit (the caller checks the unit and the scope).</summary>
    public void Reassign(string unitCode)
    {
        if (unitCode != UnitCode)
        {
            UnitCode = unitCode;
            Version++;
        }
    }

    /// <summary>Records a status change effective on a date: active ↔ paused, → dissolved (final); never before the latest change.</summary>
    public Result<ModelStatusChange> ChangeStatus(ModelStatus status, DateOnly effectiveOn, string? note, DateOnly today, DateTime nowUtc)
    {
        var latest = _statusChanges.OrderBy(s => s.EffectiveOn).ThenBy(s => s.Sequence).Last();
        if (!ModelRules.NextStatuses(latest.Status).Contains(status))
        {
            return latest.Status == ModelStatus.Dissolved
                ? Error.Conflict("Mô hình đã giải thể; không đổi trạng thái được nữa.")
                : Error.Validation($"Mô hình đang ở trạng thái “{latest.Status.Vietnamese()}”; hãy chọn trạng thái khác.", "Status");
        }

        if (effectiveOn < latest.EffectiveOn)
        {
            return Error.Validation($"Ngày hiệu lực không được trước lần đổi trạng thái gần nhất ({VietnamTime.Format(latest.EffectiveOn)}).", "EffectiveOn");
        }

        if (effectiveOn > today)
        {
            return Error.Validation("Ngày hiệu lực không được sau hôm nay.", "EffectiveOn");
        }

        if (VietnameseText.Clean(note).Length > ModelStatusChange.NoteMaxLength)
        {
            return Error.Validation($"Ghi chú dài tối đa {ModelStatusChange.NoteMaxLength} ký tự.", "Note");
        }

        var change = ModelStatusChange.Create(Id, status, effectiveOn, _statusChanges.Max(s => s.Sequence) + 1, note, nowUtc);
        _statusChanges.Add(change);
        Touch(nowUtc);
        return change;
    }

    /// <summary>Adds a replication point; it cannot start before the model.</summary>
    public Result<ReplicationPoint> AddPoint(PointDetails details, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = CheckPoint(details, today);
        if (errors.Count > 0)
        {
            return Result<ReplicationPoint>.Failure(errors);
        }

        var point = ReplicationPoint.Create(Id, details);
        _points.Add(point);
        Touch(nowUtc);
        return point;
    }

    /// <summary>Changes a replication point (location, dates, teams, members).</summary>
    public Result<bool> EditPoint(Guid pointId, PointDetails details, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        var point = _points.SingleOrDefault(p => p.Id == pointId);
        if (point is null)
        {
            return Error.NotFound("Không có điểm này.");
        }

        var errors = CheckPoint(details, today);
        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        point.Apply(details);
        Touch(nowUtc);
        return true;
    }

    /// <summary>Adds a member unit to a linked cluster.</summary>
    public Result<ClusterMember> AddMember(string unitCode, DateOnly joinedOn, DateOnly today, DateTime nowUtc)
    {
        if (!IsCluster)
        {
            return Error.Validation("Chỉ cụm liên kết mới có đơn vị tham gia: hãy đánh dấu mô hình là cụm liên kết trước.", "UnitCode");
        }

        if (unitCode == UnitCode || _members.Any(m => m.UnitCode == unitCode))
        {
            return Error.Conflict($"Đơn vị mã {unitCode} đã ở trong cụm liên kết.", "UnitCode");
        }

        if (joinedOn < EstablishedOn || joinedOn > today)
        {
            return Error.Validation($"Ngày tham gia phải từ ngày thành lập cụm ({VietnamTime.Format(EstablishedOn)}) đến hôm nay.", "JoinedOn");
        }

        var member = ClusterMember.Create(Id, unitCode, joinedOn);
        _members.Add(member);
        Touch(nowUtc);
        return member;
    }

    /// <summary>Removes a member unit from the cluster.</summary>
    public Result<bool> RemoveMember(string unitCode, DateTime nowUtc)
    {
        var member = _members.SingleOrDefault(m => m.UnitCode == unitCode);
        if (member is null)
        {
            return Error.NotFound($"Đơn vị mã {unitCode} không ở trong cụm liên kết.");
        }

        _members.Remove(member);
        Touch(nowUtc);
        return true;
    }

    /// <summary>Records (or replaces) the effectiveness evaluation of a year, if the model may be evaluated then.</summary>
    public Result<ModelEvaluation> Evaluate(int year, EvaluationResult result, DateOnly evaluatedOn, string? note, int minimumAgeMonths, DateOnly today, DateTime nowUtc)
    {
        if (year < MinYear || year > today.Year)
        {
            return Error.Validation($"Năm đánh giá phải từ {MinYear} đến {today.Year}.", "Year");
        }

        if (ModelRules.CheckEvaluation(Facts(), year, minimumAgeMonths) is { } error)
        {
            return error;
        }

        if (evaluatedOn.Year < year || evaluatedOn > today)
        {
            return Error.Validation($"Ngày đánh giá phải trong năm {year} hoặc sau đó, và không sau hôm nay.", "EvaluatedOn");
        }

        if (VietnameseText.Clean(note).Length > ModelEvaluation.NoteMaxLength)
        {
            return Error.Validation($"Nhận xét dài tối đa {ModelEvaluation.NoteMaxLength} ký tự.", "Note");
        }

        var existing = _evaluations.SingleOrDefault(e => e.Year == year);
        if (existing is not null)
        {
            existing.Change(result, evaluatedOn, note);
            Touch(nowUtc);
            return existing;
        }

        var evaluation = ModelEvaluation.Create(Id, year, result, evaluatedOn, note);
        _evaluations.Add(evaluation);
        Touch(nowUtc);
        return evaluation;
    }

    private List<Error> CheckPoint(PointDetails details, DateOnly today)
    {
        var errors = details.Validate(today).ToList();
        if (details.EstablishedOn < EstablishedOn)
        {
            errors.Add(Error.Validation($"Điểm không thể lập trước ngày thành lập mô hình ({VietnamTime.Format(EstablishedOn)}).", nameof(PointDetails.EstablishedOn)));
        }

        return errors;
    }

    private void Apply(ModelDetails details, DateTime nowUtc)
    {
        Name = VietnameseText.Clean(details.Name);
        SearchName = VietnameseText.Fold(details.Name);
        KindCode = details.KindCode.Trim();
        FieldCode = details.FieldCode.Trim();
        EstablishedOn = details.EstablishedOn;
        IsCluster = details.IsCluster;
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : VietnameseText.Clean(details.Description);
        UpdatedAtUtc = nowUtc;
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}

/// <summary>One status change of a model; the first (sequence 0) is "active" on the established date.</summary>
public sealed class ModelStatusChange : IAudited
{
    public const int NoteMaxLength = 500;

    private ModelStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid ModelId { get; private set; }

    public ModelStatus Status { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    /// <summary>Order of changes (0 = establishment).</summary>
    public int Sequence { get; private set; }

    public string? Note { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    string IAudited.AuditModule => "Models";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => null;

    internal static ModelStatusChange Create(Guid modelId, ModelStatus status, DateOnly effectiveOn, int sequence, string? note, DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        ModelId = modelId,
        Status = status,
        EffectiveOn = effectiveOn,
        Sequence = sequence,
        Note = string.IsNullOrWhiteSpace(note) ? null : VietnameseText.Clean(note),
        RecordedAtUtc = nowUtc,
    };

    internal void MoveTo(DateOnly effectiveOn) => EffectiveOn = effectiveOn;
}

/// <summary>What describes a replication point.</summary>
public sealed record PointDetails(string UnitCode, Guid? PlaceId, string Name, DateOnly EstablishedOn, DateOnly? ClosedOn, int Teams, int Members)
{
    public const int MaxTeams = 1_000;
    public const int MaxMembers = 100_000;

    public IReadOnlyList<Error> Validate(DateOnly today)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(UnitCode))
        {
            errors.Add(Error.Validation("Hãy nhập mã đơn vị của điểm.", nameof(UnitCode)));
        }

        var name = VietnameseText.Clean(Name);
        if (name.Length == 0)
        {
            errors.Add(Error.Validation("Hãy nhập tên điểm (ví dụ: thôn, khu dân cư, cơ quan nơi áp dụng mô hình).", nameof(Name)));
        }
        else if (name.Length > ReplicationPoint.NameMaxLength)
        {
            errors.Add(Error.Validation($"Tên điểm dài tối đa {ReplicationPoint.NameMaxLength} ký tự.", nameof(Name)));
        }

        if (EstablishedOn > today)
        {
            errors.Add(Error.Validation("Ngày lập điểm không được sau hôm nay.", nameof(EstablishedOn)));
        }

        if (ClosedOn is { } closed && closed <= EstablishedOn)
        {
            errors.Add(Error.Validation("Ngày dừng phải sau ngày lập điểm.", nameof(ClosedOn)));
        }

        if (Teams is < 0 or > MaxTeams)
        {
            errors.Add(Error.Validation($"Số tổ phải từ 0 đến {MaxTeams}.", nameof(Teams)));
        }

        if (Members is < 0 or > MaxMembers)
        {
            errors.Add(Error.Validation($"Số thành viên phải từ 0 đến {MaxMembers}.", nameof(Members)));
        }

        return errors;
    }
}

/// <summary>
/// A replication point ("điểm") of a model: one area — a unit, or a place of it — where the model runs, with the
/// teams (tổ) running it there and their members (HD 22/HD-BCA-V05 counting).
/// </summary>
public sealed class ReplicationPoint : IAudited
{
    public const int NameMaxLength = 300;

    private ReplicationPoint()
    {
    }

    public Guid Id { get; private set; }

    public Guid ModelId { get; private set; }

    /// <summary>The unit where the point is (usually a commune).</summary>
    public string UnitCode { get; private set; } = "";

    /// <summary>The place (khu dân cư, cơ quan, doanh nghiệp, trường) of the unit, when the point is one.</summary>
    public Guid? PlaceId { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly EstablishedOn { get; private set; }

    /// <summary>The first day the point no longer runs; null while it runs.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public int Teams { get; private set; }

    public int Members { get; private set; }

    string IAudited.AuditModule => "Models";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    public PointFact Facts() => new(UnitCode, EstablishedOn, ClosedOn, Teams, Members);

    public PointDetails Details() => new(UnitCode, PlaceId, Name, EstablishedOn, ClosedOn, Teams, Members);

    internal static ReplicationPoint Create(Guid modelId, PointDetails details)
    {
        var point = new ReplicationPoint { Id = Guid.CreateVersion7(), ModelId = modelId };
        point.Apply(details);
        return point;
    }

    internal void Apply(PointDetails details)
    {
        UnitCode = details.UnitCode.Trim();
        PlaceId = details.PlaceId;
        Name = VietnameseText.Clean(details.Name);
        EstablishedOn = details.EstablishedOn;
        ClosedOn = details.ClosedOn;
        Teams = details.Teams;
        Members = details.Members;
    }
}

/// <summary>A unit taking part in a linked cluster (cụm liên kết), besides the owner.</summary>
public sealed class ClusterMember : IAudited
{
    private ClusterMember()
    {
    }

    public Guid ModelId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public DateOnly JoinedOn { get; private set; }

    string IAudited.AuditModule => "Models";

    string IAudited.AuditId => $"{ModelId}:{UnitCode}";

    string? IAudited.AuditUnitCode => UnitCode;

    internal static ClusterMember Create(Guid modelId, string unitCode, DateOnly joinedOn) => new() { ModelId = modelId, UnitCode = unitCode, JoinedOn = joinedOn };
}

/// <summary>The outcome of a yearly effectiveness evaluation. The legal scale is Unconfirmed (domain.md §2): two values for now.</summary>
public enum EvaluationResult
{
    Effective,
    NotEffective,
}

/// <summary>The yearly effectiveness evaluation of a model (one per year).</summary>
public sealed class ModelEvaluation : IAudited
{
    public const int NoteMaxLength = 1000;

    private ModelEvaluation()
    {
    }

    public Guid Id { get; private set; }

    public Guid ModelId { get; private set; }

    public int Year { get; private set; }

    public EvaluationResult Result { get; private set; }

    public DateOnly EvaluatedOn { get; private set; }

    public string? Note { get; private set; }

    string IAudited.AuditModule => "Models";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => null;

    internal static ModelEvaluation Create(Guid modelId, int year, EvaluationResult result, DateOnly evaluatedOn, string? note)
    {
        var evaluation = new ModelEvaluation { Id = Guid.CreateVersion7(), ModelId = modelId, Year = year };
        evaluation.Change(result, evaluatedOn, note);
        return evaluation;
    }

    internal void Change(EvaluationResult result, DateOnly evaluatedOn, string? note)
    {
        Result = result;
        EvaluatedOn = evaluatedOn;
        Note = string.IsNullOrWhiteSpace(note) ? null : VietnameseText.Clean(note);
    }
}
