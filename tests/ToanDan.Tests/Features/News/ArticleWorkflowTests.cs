using ToanDan.Web.Features.News;
using ToanDan.Web.Infrastructure;

namespace ToanDan.Tests.Features.News;

/// <summary>Pure rules of <see cref="Article"/>: the legal workflow transitions and who may edit in which status.</summary>
public sealed class ArticleWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc);

    private static Article Draft() => Article.Create("291", new ArticleContent("Tiêu đề", "", "Nội dung", null, null, null, []), "tieu-de", Now).Value;

    private static Article In(ArticleStatus status)
    {
        var article = Draft();
        var steps = status switch
        {
            ArticleStatus.Draft => [],
            ArticleStatus.Submitted => [a => a.Submit(Now)],
            ArticleStatus.Approved => [a => a.Submit(Now), a => a.Approve(Now)],
            ArticleStatus.Published => [a => a.Submit(Now), a => a.Approve(Now), a => a.Publish(Now)],
            ArticleStatus.Scheduled => [a => a.Submit(Now), a => a.Approve(Now), a => a.Schedule(Now.AddDays(1), Now)],
            ArticleStatus.Withdrawn => new Func<Article, Error?>[] { a => a.Submit(Now), a => a.Approve(Now), a => a.Publish(Now), a => a.Withdraw("Sai số liệu", Now) },
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in steps)
        {
            Assert.Null(step(article));
        }

        Assert.Equal(status, article.Status);
        return article;
    }

    public static TheoryData<ArticleStatus, string, ArticleStatus?> Transitions()
    {
        var data = new TheoryData<ArticleStatus, string, ArticleStatus?>();
        var legal = new Dictionary<(ArticleStatus, string), ArticleStatus>
        {
            [(ArticleStatus.Draft, "submit")] = ArticleStatus.Submitted,
            [(ArticleStatus.Submitted, "return")] = ArticleStatus.Draft,
            [(ArticleStatus.Submitted, "approve")] = ArticleStatus.Approved,
            [(ArticleStatus.Approved, "publish")] = ArticleStatus.Published,
            [(ArticleStatus.Approved, "schedule")] = ArticleStatus.Scheduled,
            [(ArticleStatus.Published, "withdraw")] = ArticleStatus.Withdrawn,
            [(ArticleStatus.Scheduled, "withdraw")] = ArticleStatus.Withdrawn,
        };
        foreach (var from in Enum.GetValues<ArticleStatus>())
        {
            foreach (var step in new[] { "submit", "return", "approve", "publish", "schedule", "withdraw" })
            {
                data.Add(from, step, legal.TryGetValue((from, step), out var to) ? to : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Step_FromEachStatus_OnlyLegalTransitionsMove(ArticleStatus from, string step, ArticleStatus? expected)
    {
        var article = In(from);
        var error = step switch
        {
            "submit" => article.Submit(Now),
            "return" => article.ReturnToDraft(Now),
            "approve" => article.Approve(Now),
            "publish" => article.Publish(Now),
            "schedule" => article.Schedule(Now.AddHours(1), Now),
            _ => article.Withdraw("Lý do", Now),
        };
        if (expected is { } to)
        {
            Assert.Null(error);
            Assert.Equal(to, article.Status);
        }
        else
        {
            Assert.NotNull(error);
            Assert.Equal(ErrorCodes.Conflict, error.Code);
            Assert.Equal(from, article.Status);
        }
    }

    [Fact]
    public void Withdraw_WithoutReason_IsRefused()
    {
        var article = In(ArticleStatus.Published);
        Assert.Equal(ErrorCodes.Validation, article.Withdraw("   ", Now)?.Code);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Null(article.Withdraw("Thông tin chưa chính xác", Now));
        Assert.Equal("Thông tin chưa chính xác", article.WithdrawnReason);
    }

    [Fact]
    public void Schedule_InThePast_IsRefused_AndScheduledIsPublishedOnlyOnceDue()
    {
        var article = In(ArticleStatus.Approved);
        Assert.Equal(ErrorCodes.Validation, article.Schedule(Now.AddMinutes(-1), Now)?.Code);
        Assert.Null(article.Schedule(Now.AddHours(2), Now));
        Assert.False(article.IsPublishedAt(Now.AddHours(1)));
        Assert.True(article.IsPublishedAt(Now.AddHours(2)));
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, true, true)]
    [InlineData(ArticleStatus.Submitted, false, false)]
    [InlineData(ArticleStatus.Approved, false, true)]
    [InlineData(ArticleStatus.Published, false, true)]
    [InlineData(ArticleStatus.Scheduled, false, true)]
    [InlineData(ArticleStatus.Withdrawn, false, false)]
    public void Edit_ByEditorOrEditorInChief_DependsOnStatus(ArticleStatus status, bool editorMay, bool chiefMay)
    {
        var content = new ArticleContent("Tiêu đề mới", "", "Nội dung mới", null, null, null, []);
        Assert.Equal(editorMay, In(status).Edit(content, "tieu-de", canPublish: false, Now).IsSuccess);
        Assert.Equal(chiefMay, In(status).Edit(content, "tieu-de", canPublish: true, Now).IsSuccess);
    }

    [Fact]
    public void Create_FigureWithoutAlt_IsRefused()
    {
        var result = Article.Create("291", new ArticleContent("Tiêu đề", "", "", null, null, null, [new FigureContent("Chú thích", "", null, 0)]), "x", Now);
        Assert.Contains(result.Errors, e => e.Field == nameof(ArticleContent.Figures));
    }
}
