using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Web.Features.Portal.Staff;

/// <summary>Creates or changes the portal settings; the form carries the version it was opened with (0: none yet).</summary>
public static class SavePortalSettings
{
    public const string StaleMessage = "Thông tin cổng đã được người khác sửa sau khi bạn mở trang. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.";

    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Command.PortalName), nameof(Command.GoverningAgency), nameof(Command.EditorInChief), nameof(Command.Licence),
        nameof(Command.LicenceIssued), nameof(Command.Address), nameof(Command.Phone), nameof(Command.Email), nameof(Command.UnitCode),
        nameof(Command.EnglishName), nameof(Command.EnglishDescription), nameof(Command.Contacts),
    };

    /// <summary>Empty contact rows the form offers for adding.</summary>
    public const int BlankContactRows = 3;

    /// <summary>A contact row of the form; a row left empty is dropped, so clearing a row removes the contact.</summary>
    public sealed record ContactInput
    {
        [StringLength(PortalContact.NameMaxLength, ErrorMessage = "Họ tên tối đa {1} ký tự.")]
        public string? Name { get; init; }

        [StringLength(PortalContact.TitleMaxLength, ErrorMessage = "Chức vụ tối đa {1} ký tự.")]
        public string? Title { get; init; }

        [StringLength(PortalContact.TitleMaxLength, ErrorMessage = "Chức vụ (tiếng Anh) tối đa {1} ký tự.")]
        public string? EnglishTitle { get; init; }

        [StringLength(PortalSettings.PhoneMaxLength, ErrorMessage = "Điện thoại tối đa {1} ký tự.")]
        public string? Phone { get; init; }

        [StringLength(PortalSettings.EmailMaxLength, ErrorMessage = "Thư điện tử tối đa {1} ký tự.")]
        public string? Email { get; init; }

        /// <summary>Display order; rows are sorted by it, then by their place in the form.</summary>
        [Range(0, 1000, ErrorMessage = "Thứ tự từ 0 đến 1000.")]
        public int? Order { get; init; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(EnglishTitle)
            && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email);
    }

    public sealed record Command
    {
        [Display(Name = "Tên cổng thông tin")]
        [Required(ErrorMessage = "Tên cổng thông tin không được để trống.")]
        [StringLength(PortalSettings.LineMaxLength, ErrorMessage = "Tên cổng thông tin dài quá {1} ký tự.")]
        public string? PortalName { get; init; }

        [Display(Name = "Dòng cơ quan chủ quản")]
        [StringLength(PortalSettings.LineMaxLength, ErrorMessage = "Dòng cơ quan chủ quản dài quá {1} ký tự.")]
        public string? GoverningAgency { get; init; }

        [Display(Name = "Dòng trưởng ban biên tập")]
        [StringLength(PortalSettings.LineMaxLength, ErrorMessage = "Dòng trưởng ban biên tập dài quá {1} ký tự.")]
        public string? EditorInChief { get; init; }

        [Display(Name = "Dòng giấy phép")]
        [StringLength(PortalSettings.LineMaxLength, ErrorMessage = "Dòng giấy phép dài quá {1} ký tự.")]
        public string? Licence { get; init; }

        [Display(Name = "Dòng ngày cấp và nơi cấp giấy phép")]
        [StringLength(PortalSettings.LineMaxLength, ErrorMessage = "Dòng ngày cấp dài quá {1} ký tự.")]
        public string? LicenceIssued { get; init; }

        [Display(Name = "Địa chỉ")]
        [StringLength(PortalSettings.LineMaxLength, ErrorMessage = "Địa chỉ dài quá {1} ký tự.")]
        public string? Address { get; init; }

        [Display(Name = "Điện thoại")]
        [StringLength(PortalSettings.PhoneMaxLength, ErrorMessage = "Điện thoại dài quá {1} ký tự.")]
        public string? Phone { get; init; }

        [Display(Name = "Thư điện tử")]
        [StringLength(PortalSettings.EmailMaxLength, ErrorMessage = "Thư điện tử dài quá {1} ký tự.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không đúng định dạng.")]
        public string? Email { get; init; }

        [Display(Name = "Mã đơn vị của cổng")]
        [StringLength(5, ErrorMessage = "Mã đơn vị gồm 2, 3 hoặc 5 chữ số.")]
        public string? UnitCode { get; init; }

        [Display(Name = "Tên cổng bằng tiếng Anh")]
        [StringLength(PortalSettings.LineMaxLength, ErrorMessage = "Tên tiếng Anh dài quá {1} ký tự.")]
        public string? EnglishName { get; init; }

        [Display(Name = "Giới thiệu cơ quan bằng tiếng Anh")]
        [StringLength(PortalSettings.DescriptionMaxLength, ErrorMessage = "Giới thiệu bằng tiếng Anh dài quá {1} ký tự.")]
        public string? EnglishDescription { get; init; }

        /// <summary>The officials in charge (rows of the form).</summary>
        public List<ContactInput> Contacts { get; init; } = [];

        /// <summary>The <see cref="PortalSettings.Version"/> the form was opened with; 0 when there were no settings.</summary>
        [Required(ErrorMessage = "Thiếu phiên bản của thông tin cổng; hãy tải lại trang.")]
        public int? Version { get; init; }

        internal PortalSettingsDetails ToDetails() =>
            new(PortalName ?? "", GoverningAgency, EditorInChief, Licence, LicenceIssued, Address, Phone, Email, UnitCode)
            {
                EnglishName = EnglishName,
                EnglishDescription = EnglishDescription,
                Contacts = Contacts.Select((c, i) => (Contact: c, Index: i)).Where(r => !r.Contact.IsEmpty)
                    .OrderBy(r => r.Contact.Order ?? int.MaxValue).ThenBy(r => r.Index)
                    .Select(r => new PortalContactDetails(r.Contact.Name ?? "", r.Contact.Title ?? "", r.Contact.EnglishTitle, r.Contact.Phone, r.Contact.Email))
                    .ToList(),
            };

        internal static Command From(PortalSettingsDetails? details, int version) => details is null
            ? new Command { Version = version }
            : new Command
            {
                PortalName = details.PortalName,
                GoverningAgency = details.GoverningAgency,
                EditorInChief = details.EditorInChief,
                Licence = details.Licence,
                LicenceIssued = details.LicenceIssued,
                Address = details.Address,
                Phone = details.Phone,
                Email = details.Email,
                UnitCode = details.UnitCode,
                EnglishName = details.EnglishName,
                EnglishDescription = details.EnglishDescription,
                Contacts = details.Contacts.Select((c, i) => new ContactInput { Name = c.Name, Title = c.Title, EnglishTitle = c.EnglishTitle, Phone = c.Phone, Email = c.Email, Order = (i + 1) * 10 }).ToList(),
                Version = version,
            };
    }

    public sealed class Handler(ToanDanDb db, UnitTree tree, PortalSettingsQuery query, TimeProvider clock)
    {
        /// <summary>The form as it opens: the stored settings, or an empty form with version 0.</summary>
        public async Task<Command> GetAsync(CancellationToken ct)
        {
            var settings = await db.PortalSettings.AsNoTracking().Include(s => s.Contacts).SingleOrDefaultAsync(s => s.Id == PortalSettings.SingletonId, ct);
            return Command.From(settings?.ToDetails(), settings?.Version ?? 0);
        }

        public async Task<Result<int>> HandleAsync(Command input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var details = input.ToDetails();
            var errors = details.Validate().ToList();
            if (errors.Count == 0 && PortalSettings.Optional(details.UnitCode) is { } code && (await tree.HistoryAsync(code, ct)).Count == 0)
            {
                errors.Add(Error.Validation($"Không có đơn vị hành chính mã {code}.", nameof(Command.UnitCode)));
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure(errors);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var settings = await db.PortalSettings.Include(s => s.Contacts).SingleOrDefaultAsync(s => s.Id == PortalSettings.SingletonId, ct);
            if (input.Version != (settings?.Version ?? 0))
            {
                return Error.Conflict(StaleMessage);
            }

            if (settings is null)
            {
                settings = PortalSettings.Create(details, now).Value;
                db.PortalSettings.Add(settings);
            }
            else
            {
                settings.Update(details, now);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone saved (or created the row) between our read and our write.
                return Error.Conflict(StaleMessage);
            }
            finally
            {
                query.Invalidate();
            }

            return settings.Version;
        }
    }
}
