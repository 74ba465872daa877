using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.News;

/// <summary>A section of a portal ("An ninh trật tự", "Tin tức – Sự kiện"), with its own slug.</summary>
public sealed class Category
{
    /// <summary>Longest name accepted.</summary>
    public const int NameMaxLength = 100;

    private Category()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The portal's owning unit.</summary>
    public string UnitCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public int Position { get; private set; }

    public static Result<Category> Create(string unitCode, string name, int position)
    {
        var cleaned = VietnameseText.Clean(name);
        if (cleaned.Length == 0 || cleaned.Length > NameMaxLength)
        {
            return Error.Validation($"Tên chuyên mục phải có từ 1 đến {NameMaxLength} ký tự.", nameof(Name));
        }

        return new Category { Id = Guid.CreateVersion7(), UnitCode = unitCode, Name = cleaned, Slug = VietnameseText.Slug(cleaned), Position = position };
    }
}
