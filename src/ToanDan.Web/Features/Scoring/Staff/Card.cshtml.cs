using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Safety.Staff;
using ToanDan.Web.Infrastructure;
using ToanDan.Web.Infrastructure.Web;

namespace ToanDan.Web.Features.Scoring.Staff;

/// <summary>One score card: the sheet with self-score and reviewed points, totals, grades, deadline, and the steps the reader may take.</summary>
[Authorize(Policy = ScoringPermissions.View)]
public sealed class CardModel(ToanDanDb db, ScoringAccess access, ChangeScoreCard.Handler change) : PageModel
{
    public ScoreCard? Card { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanReview { get; private set; }

    public bool Overdue { get; private set; }

    public IReadOnlySet<string> Leaves { get; private set; } = new HashSet<string>();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Saves, sends, takes back or reviews; points come as <c>points[CODE]</c> (comma or dot decimals).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, ChangeScoreCard.Step step, string? note, int? version, CancellationToken ct)
    {
        var parsed = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var errors = new List<Error>();
        foreach (var (code, text) in IndexedFormFields.Read(Request.Form, "points"))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                parsed[code] = null;
            }
            else if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                parsed[code] = value;
            }
            else
            {
                errors.Add(Error.Validation($"Điểm mục “{code}” không phải là số.", code));
            }
        }

        if (errors.Count > 0)
        {
            return await LoadAsync(id, ct) ? SafetyPages.Fail(this, errors, Page) : NotFound();
        }

        var result = await change.HandleAsync(User, new ChangeScoreCard.Command(id, step, parsed, note, version), ct);
        if (!result.IsSuccess)
        {
            return await LoadAsync(id, ct) ? SafetyPages.Fail(this, result.Errors, Page) : NotFound();
        }

        Message = step == ChangeScoreCard.Step.SaveSelfScore ? "Đã lưu điểm tự chấm." : $"Bảng điểm chuyển sang “{result.Value.Vietnamese()}”.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var card = await db.ScoreCards.AsNoTracking().Include(c => c.Entries).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (card is null || !await access.CanAsync(User, ScoringPermissions.View, card.UnitCode, card.Year, ct))
        {
            return false;
        }

        Card = card;
        CanEdit = await access.CanAsync(User, ScoringPermissions.Edit, card.UnitCode, card.Year, ct);
        CanReview = await access.CanReviewAsync(User, card, ct);
        Overdue = ScoringRules.IsOverdue(card.Kind, card.Year, card.SubmittedOn, access.Today);
        Leaves = ScoringRules.Leaves(card.Items).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        return true;
    }
}
