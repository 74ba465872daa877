using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Safety.Staff;

/// <summary>
/// One certification record: registration, checklist and meeting (while a draft), dossier files, the commune rule
/// (for a commune), and the workflow steps the reader may take. Illegal steps answer 409 with the reason.
/// </summary>
[Authorize(Policy = SafetyPermissions.View)]
[BodySizeLimit(RequestLimit)]
public sealed class RecordModel(
    GetSafetyRecord.Handler get, SaveSafetyDossier.Handler save, UploadSafetyFile.Handler upload, ChangeSafetyStatus.Handler change,
    SafetyFileStore store, SafetyAccess access) : PageModel
{
    /// <summary>The largest request accepted: the file limit of the default configuration plus the form.</summary>
    public const long RequestLimit = (10 * 1024 * 1024) + (64 * 1024);

    public GetSafetyRecord.Details? Details { get; private set; }

    public DateOnly Today => access.Today;

    public string Accept => SafetyFileStore.Accept;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Saves the meeting and the checklist; answers come as <c>answer[CODE]</c> = yes / no / empty.</summary>
    public async Task<IActionResult> OnPostDossierAsync(Guid id, int version, DateOnly? meetingOn, string? meetingNotes, CancellationToken ct)
    {
        var note = IndexedFormFields.Read(Request.Form, "note");
        var answers = IndexedFormFields.Read(Request.Form, "answer").ToDictionary(a => a.Key, a => a.Value switch { "yes" => (bool?)true, "no" => false, _ => null }, StringComparer.Ordinal);
        var result = await save.HandleAsync(User, new SaveSafetyDossier.Command(id, version, meetingOn, meetingNotes, answers, note), ct);
        if (!result.IsSuccess)
        {
            await LoadAsync(id, ct);
            return SafetyPages.Fail(this, result.Errors, Page);
        }

        Message = "Đã lưu hồ sơ.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, SafetyFileKind kind, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            await LoadAsync(id, ct);
            return SafetyPages.Fail(this, [Error.Validation("Hãy chọn tệp để tải lên.", "File")], Page);
        }

        if (file.Length > store.MaxBytes)
        {
            await LoadAsync(id, ct);
            return SafetyPages.Fail(this, [Error.Validation($"Tệp lớn quá {store.MaxBytes / (1024 * 1024)} MB.", "File")], Page);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await upload.HandleAsync(User, new UploadSafetyFile.Command(id, kind, file.FileName, buffer.ToArray()), ct);
        if (!result.IsSuccess)
        {
            await LoadAsync(id, ct);
            return SafetyPages.Fail(this, result.Errors, Page);
        }

        Message = "Đã tải tệp lên.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, ChangeSafetyStatus.Step step, string? stepNote, SafetyResult? result, string? authority, string? number, DateOnly? date, CancellationToken ct)
    {
        var changed = await change.HandleAsync(User, new ChangeSafetyStatus.Command(id, step, stepNote, result, authority, number, date), ct);
        if (!changed.IsSuccess)
        {
            await LoadAsync(id, ct);
            return SafetyPages.Fail(this, changed.Errors, Page);
        }

        Message = $"Hồ sơ chuyển sang “{changed.Value.Vietnamese()}”.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var file = await get.FileAsync(User, id, fileId, ct);
        if (!file.IsSuccess || store.Open(file.Value.StoredName) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, file.Value.ContentType, file.Value.FileName);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var details = await get.HandleAsync(User, id, ct);
        Details = details.IsSuccess ? details.Value : null;
        return Details is not null;
    }
}
