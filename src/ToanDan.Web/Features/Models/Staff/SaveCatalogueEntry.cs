using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Models.Staff;

/// <summary>
/// Adds or edits an entry of the kind or field catalogue (<see cref="ModelsPermissions.Catalogue"/>). The catalogues
/// are shared by every deployment unit; a code never changes and an entry is retired rather than deleted.
/// </summary>
public static class SaveCatalogueEntry
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Command.Code), nameof(Command.Name), nameof(Command.NameEnglish), nameof(Command.SortOrder),
    };

    public sealed record Command
    {
        [Required(ErrorMessage = "Hãy chọn danh mục.")]
        public ModelCatalogue? Catalogue { get; init; }

        [Required(ErrorMessage = "Hãy nhập mã.")]
        [StringLength(ModelCatalogueEntry.CodeMaxLength, ErrorMessage = "Mã dài tối đa 40 ký tự.")]
        public string Code { get; init; } = "";

        [Required(ErrorMessage = "Hãy nhập tên.")]
        [StringLength(ModelCatalogueEntry.NameMaxLength, ErrorMessage = "Tên dài tối đa 200 ký tự.")]
        public string Name { get; init; } = "";

        [StringLength(ModelCatalogueEntry.NameMaxLength, ErrorMessage = "Tên tiếng Anh dài tối đa 200 ký tự.")]
        public string? NameEnglish { get; init; }

        [Range(0, 100_000, ErrorMessage = "Thứ tự phải từ 0 đến 100000.")]
        public int SortOrder { get; init; }

        public bool IsActive { get; init; } = true;

        /// <summary>Null to add; the version the form was opened with to edit.</summary>
        public int? Version { get; init; }
    }

    public sealed class Handler(ToanDanDb db)
    {
        public async Task<Result<string>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var catalogue = input.Catalogue ?? ModelCatalogue.Kind;
            var code = input.Code.Trim();
            var entry = await db.ModelCatalogueEntries.SingleOrDefaultAsync(e => e.Catalogue == catalogue && e.Code == code, ct);
            if (input.Version is null)
            {
                if (entry is not null)
                {
                    return Error.Conflict($"Mã “{code}” đã có trong danh mục.", nameof(Command.Code));
                }

                var created = ModelCatalogueEntry.Create(catalogue, code, input.Name, input.NameEnglish, input.SortOrder);
                if (!created.IsSuccess)
                {
                    return Result<string>.Failure(created.Errors);
                }

                db.ModelCatalogueEntries.Add(created.Value);
            }
            else
            {
                if (entry is null)
                {
                    return Error.NotFound($"Không có mã “{code}” trong danh mục.");
                }

                if (entry.Version != input.Version)
                {
                    return Error.Conflict("Mục này đã được người khác sửa. Hãy tải lại trang.");
                }

                var updated = entry.Update(input.Name, input.NameEnglish, input.SortOrder, input.IsActive);
                if (!updated.IsSuccess)
                {
                    return Result<string>.Failure(updated.Errors);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Error.Conflict("Mục này vừa được người khác thêm hoặc sửa. Hãy tải lại trang.");
            }

            return code;
        }
    }
}
