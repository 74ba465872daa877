namespace ToanDan.Web.Features.News;

/// <summary>Where an article is in the editorial workflow.</summary>
public enum ArticleStatus
{
    /// <summary>Nháp: the editor is writing it.</summary>
    Draft,

    /// <summary>Chờ duyệt: submitted to the editor-in-chief.</summary>
    Submitted,

    /// <summary>Đã duyệt: approved, not yet public.</summary>
    Approved,

    /// <summary>Đã xuất bản: public since <see cref="Article.PublishAtUtc"/>.</summary>
    Published,

    /// <summary>Hẹn giờ: public from <see cref="Article.PublishAtUtc"/> on (a query condition, no background job).</summary>
    Scheduled,

    /// <summary>Đã gỡ: no longer public; the reason is kept.</summary>
    Withdrawn,
}

/// <summary>Vietnamese names of the statuses.</summary>
public static class ArticleStatuses
{
    public static string Vietnamese(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Nháp",
        ArticleStatus.Submitted => "Chờ duyệt",
        ArticleStatus.Approved => "Đã duyệt",
        ArticleStatus.Published => "Đã xuất bản",
        ArticleStatus.Scheduled => "Hẹn giờ xuất bản",
        ArticleStatus.Withdrawn => "Đã gỡ",
        _ => status.ToString(),
    };
}
