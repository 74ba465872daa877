using System.Text.RegularExpressions;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.Models;

/// <summary>The two configurable catalogues a model is classified by.</summary>
public enum ModelCatalogue
{
    /// <summary>Loại mô hình: tự quản, tự phòng, tự bảo vệ, tự hòa giải, liên kết, camera giám sát…</summary>
    Kind,

    /// <summary>Lĩnh vực: phòng, chống tội phạm, ma túy, giao thông, cháy nổ, bạo lực gia đình…</summary>
    Field,
}

/// <summary>
/// One entry of a catalogue. <see cref="Code"/> is stable (it appears in figure keys, imports and exports);
/// the names can change. An entry is never deleted: it is retired (<see cref="IsActive"/> false) so old models keep it.
/// </summary>
public sealed partial class ModelCatalogueEntry : IAudited
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;

    private ModelCatalogueEntry()
    {
    }

    public ModelCatalogue Catalogue { get; private set; }

    /// <summary>lowerCamelCase ASCII, e.g. <c>selfManaged</c>; unique within its catalogue.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? NameEnglish { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    string IAudited.AuditModule => "Models";

    string IAudited.AuditId => $"{Catalogue}:{Code}";

    string? IAudited.AuditUnitCode => null;

    /// <summary>The name in the interface language.</summary>
    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEnglish) ? NameEnglish : Name;

    /// <summary>Creates an entry; the code must be lowerCamelCase letters and digits.</summary>
    public static Result<ModelCatalogueEntry> Create(ModelCatalogue catalogue, string code, string name, string? nameEnglish, int sortOrder)
    {
        code = (code ?? "").Trim();
        var errors = new List<Error>();
        if (!CodePattern().IsMatch(code))
        {
            errors.Add(Error.Validation("Mã gồm 2–40 chữ cái và chữ số tiếng Anh, bắt đầu bằng chữ thường (ví dụ: selfManaged).", nameof(Code)));
        }

        errors.AddRange(CheckNames(name, nameEnglish));
        if (errors.Count > 0)
        {
            return Result<ModelCatalogueEntry>.Failure(errors);
        }

        return new ModelCatalogueEntry
        {
            Catalogue = catalogue,
            Code = code,
            Name = VietnameseText.Clean(name),
            NameEnglish = string.IsNullOrWhiteSpace(nameEnglish) ? null : VietnameseText.Clean(nameEnglish),
            SortOrder = sortOrder,
            IsActive = true,
            Version = 1,
        };
    }

    /// <summary>Renames, reorders, retires or restores the entry.</summary>
    public Result<bool> Update(string name, string? nameEnglish, int sortOrder, bool isActive)
    {
        var errors = CheckNames(name, nameEnglish);
        if (errors.Count > 0)
        {
            return Result<bool>.Failure(errors);
        }

        Name = VietnameseText.Clean(name);
        NameEnglish = string.IsNullOrWhiteSpace(nameEnglish) ? null : VietnameseText.Clean(nameEnglish);
        SortOrder = sortOrder;
        IsActive = isActive;
        Version++;
        return true;
    }

    private static List<Error> CheckNames(string? name, string? nameEnglish)
    {
        var errors = new List<Error>();
        var clean = VietnameseText.Clean(name);
        if (clean.Length == 0)
        {
            errors.Add(Error.Validation("Hãy nhập tên.", nameof(Name)));
        }
        else if (clean.Length > NameMaxLength)
        {
            errors.Add(Error.Validation($"Tên dài tối đa {NameMaxLength} ký tự.", nameof(Name)));
        }

        if (VietnameseText.Clean(nameEnglish).Length > NameMaxLength)
        {
            errors.Add(Error.Validation($"Tên tiếng Anh dài tối đa {NameMaxLength} ký tự.", nameof(NameEnglish)));
        }

        return errors;
    }

    /// <summary>The entries every deployment starts with (seeded by the migration).</summary>
    public static IReadOnlyList<(ModelCatalogue Catalogue, string Code, string Name, string English)> Defaults { get; } =
    [
        (ModelCatalogue.Kind, "selfManaged", "Tự quản về an ninh, trật tự", "Self-management"),
        (ModelCatalogue.Kind, "selfPrevention", "Tự phòng", "Self-prevention"),
        (ModelCatalogue.Kind, "selfProtection", "Tự bảo vệ", "Self-protection"),
        (ModelCatalogue.Kind, "selfMediation", "Tự hòa giải", "Self-mediation"),
        (ModelCatalogue.Kind, "linkedCluster", "Liên kết, cụm liên kết vùng giáp ranh", "Linked cluster (border area)"),
        (ModelCatalogue.Kind, "camera", "Camera giám sát an ninh, trật tự", "Security cameras"),
        (ModelCatalogue.Kind, "other", "Khác", "Other"),
        (ModelCatalogue.Field, "crime", "Phòng, chống tội phạm", "Crime prevention"),
        (ModelCatalogue.Field, "drugs", "Phòng, chống ma túy", "Drug prevention"),
        (ModelCatalogue.Field, "traffic", "Trật tự, an toàn giao thông", "Traffic safety"),
        (ModelCatalogue.Field, "fire", "Phòng cháy, chữa cháy", "Fire prevention"),
        (ModelCatalogue.Field, "domesticViolence", "Phòng, chống bạo lực gia đình", "Domestic violence prevention"),
        (ModelCatalogue.Field, "socialEvils", "Phòng, chống tệ nạn xã hội", "Social evils prevention"),
        (ModelCatalogue.Field, "reintegration", "Cảm hóa, giáo dục, giúp đỡ người lầm lỗi", "Helping people who erred"),
        (ModelCatalogue.Field, "general", "An ninh, trật tự chung", "Security and order in general"),
    ];

    [GeneratedRegex("^[a-z][A-Za-z0-9]{1,39}$")]
    private static partial Regex CodePattern();
}
