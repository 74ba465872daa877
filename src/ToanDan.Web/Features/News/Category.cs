using ToanDan.Web.Features.Audit;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Text;

namespace ToanDan.Web.Features.News;

/// <summary>
/// A section of a portal ("An ninh trật tự", "Tin tức – Sự kiện"). Its slug is made from the first name and never
/// changes: renaming keeps every address (<c>/chuyen-muc/{slug}</c>, <c>/rss/{slug}.xml</c>) working, so no redirect
/// table is needed. A hidden category leaves the portal's navigation (home, its page, its feed answer 404); its
/// articles stay public under their own addresses, in search and in the latest news.
/// </summary>
public sealed class Category : IAudited
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

    /// <summary>Made from the first name; stable across renames.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>Display order on the portal (ascending).</summary>
    public int Position { get; private set; }

    /// <summary>Hidden from the portal's navigation.</summary>
    public bool IsHidden { get; private set; }

    /// <summary>Concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    string IAudited.AuditModule => "News";

    string IAudited.AuditId => Id.ToString();

    string? IAudited.AuditUnitCode => UnitCode;

    public static Result<Category> Create(string unitCode, string name, int position)
    {
        var cleaned = VietnameseText.Clean(name);
        if (Check(cleaned) is { } error)
        {
            return error;
        }

        var slug = VietnameseText.Slug(cleaned, Article.SlugMaxLength);
        if (slug.Length == 0)
        {
            return Error.Validation("Tên chuyên mục phải có chữ hoặc số.", nameof(Name));
        }

        return new Category { Id = Guid.CreateVersion7(), UnitCode = unitCode, Name = cleaned, Slug = slug, Position = position, Version = 1 };
    }

    /// <summary>Changes the name; the slug stays.</summary>
    public Error? Rename(string name)
    {
        var cleaned = VietnameseText.Clean(name);
        if (Check(cleaned) is { } error)
        {
            return error;
        }

        if (cleaned != Name)
        {
            Name = cleaned;
            Version++;
        }

        return null;
    }

    /// <summary>Hides the category from the portal's navigation, or shows it again.</summary>
    public void SetHidden(bool hidden)
    {
        if (hidden != IsHidden)
        {
            IsHidden = hidden;
            Version++;
        }
    }

    /// <summary>Moves the category to a display position.</summary>
    public void MoveTo(int position)
    {
        if (position != Position)
        {
            Position = position;
            Version++;
        }
    }

    private static Error? Check(string cleaned) =>
        cleaned.Length == 0 || cleaned.Length > NameMaxLength
            ? Error.Validation($"Tên chuyên mục phải có từ 1 đến {NameMaxLength} ký tự.", nameof(Name))
            : null;
}
