using ToanDan.Web.Features.News;
using ToanDan.Web.Infrastructure.Text;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>
/// The demo portal's news, from the page "Hiệu quả phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở Nam Sách" of
/// the Nam Sách district portal (19/08/2021, shared/seed): the article itself, word for word, and the ten items
/// of its "Các tin khác" list with their titles and dates (their bodies are marked "Nội dung minh họa").
/// Dates are Vietnam time.
/// </summary>
public static class NamSachNewsDemo
{
    /// <summary>A demo article: its date in Vietnam time, category name and content.</summary>
    public sealed record Item(string Title, string Slug, DateTime PublishedVietnam, string Category, string Tags, string Body, string? Author, IReadOnlyList<(string Caption, string Alt, int AfterParagraph)> Figures);

    /// <summary>The categories of the demo portal, in menu order.</summary>
    public static readonly IReadOnlyList<string> Categories = ["Tin tức – Sự kiện", "An ninh trật tự"];

    /// <summary>The seed article's slug.</summary>
    public const string SeedSlug = "hieu-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-o-nam-sach";

    /// <summary>The seed article's title.</summary>
    public const string SeedTitle = "Hiệu quả phong trào “Toàn dân bảo vệ an ninh Tổ quốc” ở Nam Sách";

    /// <summary>The seed article: created and published on 19/08/2021.</summary>
    public static readonly Item Seed = new(
        SeedTitle,
        SeedSlug,
        new DateTime(2021, 8, 19, 8, 0, 0, DateTimeKind.Unspecified),
        "An ninh trật tự",
        "phong trào toàn dân bảo vệ an ninh Tổ quốc; Nam Sách; Ngày hội toàn dân bảo vệ an ninh Tổ quốc",
        SeedBody,
        "DƯƠNG HÒA",
        [
            ("Các tập thể, cá nhân tiêu biểu được Giám đốc Công an tỉnh tặng giấy khen năm 2020 (ảnh tư liệu)", "Ảnh tư liệu: các tập thể, cá nhân tiêu biểu nhận giấy khen của Giám đốc Công an tỉnh năm 2020 (ảnh chưa có trong dữ liệu minh họa)", 2),
            ("Lực lượng công an có vai trò quan trọng trong công tác phòng chống dịch Covid 19", "Ảnh: lực lượng công an tham gia phòng, chống dịch Covid-19 (ảnh chưa có trong dữ liệu minh họa)", 6),
        ]);

    /// <summary>"Các tin khác" as listed under the seed article, newest first (same-day items a minute apart, in the listed order).</summary>
    public static readonly IReadOnlyList<Item> OtherNews =
    [
        new("Thanh niên đi tù vì tàng trữ trái phép chất ma túy", VietnameseText.Slug("Thanh niên đi tù vì tàng trữ trái phép chất ma túy"), new DateTime(2024, 2, 23, 9, 0, 0, DateTimeKind.Unspecified), "An ninh trật tự", "ma túy",
            "*Nội dung minh họa.* Công an huyện Nam Sách phát hiện, bắt giữ một thanh niên tàng trữ trái phép chất ma túy; đối tượng đã bị Tòa án xét xử theo quy định của pháp luật.", null, []),
        new("LĐLĐ huyện tặng quà động viên 2 công nhân lên đường nhập ngũ", VietnameseText.Slug("LĐLĐ huyện tặng quà động viên 2 công nhân lên đường nhập ngũ"), new DateTime(2024, 2, 23, 8, 59, 0, DateTimeKind.Unspecified), "Tin tức – Sự kiện", "nhập ngũ",
            "*Nội dung minh họa.* Liên đoàn Lao động huyện thăm hỏi, tặng quà động viên 2 công nhân lên đường làm nghĩa vụ quân sự năm 2024.", null, []),
        new("Xã Nam Tân động viên thanh niên lên đường nhập ngũ", VietnameseText.Slug("Xã Nam Tân động viên thanh niên lên đường nhập ngũ"), new DateTime(2024, 2, 23, 8, 58, 0, DateTimeKind.Unspecified), "Tin tức – Sự kiện", "nhập ngũ",
            "*Nội dung minh họa.* Xã Nam Tân tổ chức gặp mặt, động viên các thanh niên trúng tuyển lên đường nhập ngũ năm 2024.", null, []),
        new("Thanh niên Hợp Tiến phát huy truyền thống cách mạng sẵn sàng lên đường bảo vệ Tổ quốc", VietnameseText.Slug("Thanh niên Hợp Tiến phát huy truyền thống cách mạng sẵn sàng lên đường bảo vệ Tổ quốc"), new DateTime(2024, 2, 23, 8, 57, 0, DateTimeKind.Unspecified), "Tin tức – Sự kiện", "nhập ngũ",
            "*Nội dung minh họa.* Thanh niên xã Hợp Tiến phát huy truyền thống cách mạng của quê hương, sẵn sàng lên đường thực hiện nghĩa vụ bảo vệ Tổ quốc.", null, []),
        new("Tân binh Đồng Tố Toàn với mong muốn đem tiếng hát chèo đến với đông đảo cán bộ chiến sĩ", VietnameseText.Slug("Tân binh Đồng Tố Toàn với mong muốn đem tiếng hát chèo đến với đông đảo cán bộ chiến sĩ"), new DateTime(2024, 2, 23, 8, 56, 0, DateTimeKind.Unspecified), "Tin tức – Sự kiện", "nhập ngũ",
            "*Nội dung minh họa.* Câu chuyện về tân binh Đồng Tố Toàn, người mong muốn đem tiếng hát chèo đến với đông đảo cán bộ, chiến sĩ trong quân ngũ.", null, []),
        new("Tòa án nhân dân huyện Nam Sách xét xử 02 vụ án hình sự trong điều kiện phòng chống dịch", VietnameseText.Slug("Tòa án nhân dân huyện Nam Sách xét xử 02 vụ án hình sự trong điều kiện phòng chống dịch"), new DateTime(2021, 8, 17, 9, 0, 0, DateTimeKind.Unspecified), "An ninh trật tự", "xét xử; phòng chống dịch",
            "*Nội dung minh họa.* Tòa án nhân dân huyện Nam Sách đưa ra xét xử 02 vụ án hình sự, bảo đảm các biện pháp phòng, chống dịch Covid-19 tại phiên tòa.", null, []),
        new("Tăng cường xử phạt các hành vi vi phạm phòng chống dịch Covid trên địa bàn huyện", VietnameseText.Slug("Tăng cường xử phạt các hành vi vi phạm phòng chống dịch Covid trên địa bàn huyện"), new DateTime(2021, 8, 14, 9, 0, 0, DateTimeKind.Unspecified), "An ninh trật tự", "phòng chống dịch",
            "*Nội dung minh họa.* Các lực lượng chức năng của huyện tăng cường kiểm tra, xử phạt các hành vi vi phạm quy định phòng, chống dịch Covid-19 trên địa bàn.", null, []),
        new("Phạt Công ty TNHH May mặc Quốc tế Phú Nguyên 30 triệu đồng do vi phạm quy định về phòng chống dịch", VietnameseText.Slug("Phạt Công ty TNHH May mặc Quốc tế Phú Nguyên 30 triệu đồng do vi phạm quy định về phòng chống dịch"), new DateTime(2021, 8, 12, 9, 0, 0, DateTimeKind.Unspecified), "An ninh trật tự", "phòng chống dịch",
            "*Nội dung minh họa.* Một doanh nghiệp may mặc trên địa bàn huyện bị xử phạt 30 triệu đồng do không thực hiện đầy đủ các quy định về phòng, chống dịch.", null, []),
        new("Một trường hợp bị xử phạt 17,5 triệu đồng về hành vi trốn khỏi khu vực cách ly y tế", VietnameseText.Slug("Một trường hợp bị xử phạt 17,5 triệu đồng về hành vi trốn khỏi khu vực cách ly y tế"), new DateTime(2021, 8, 5, 9, 0, 0, DateTimeKind.Unspecified), "An ninh trật tự", "phòng chống dịch; cách ly",
            "*Nội dung minh họa.* Một người bị xử phạt 17,5 triệu đồng vì tự ý rời khỏi khu vực cách ly y tế tập trung trái quy định.", null, []),
        new("Tăng cường công tác quản lý và thực hiện nghiêm các quy định tại khu cách ly y tế tập trung", VietnameseText.Slug("Tăng cường công tác quản lý và thực hiện nghiêm các quy định tại khu cách ly y tế tập trung"), new DateTime(2021, 8, 3, 9, 0, 0, DateTimeKind.Unspecified), "An ninh trật tự", "phòng chống dịch; cách ly",
            "*Nội dung minh họa.* Huyện Nam Sách yêu cầu tăng cường công tác quản lý, thực hiện nghiêm các quy định tại khu cách ly y tế tập trung.", null, []),
    ];

    /// <summary>
    /// The demo portal of <paramref name="unitCode"/>: its categories and every item above, created, submitted,
    /// approved and published on its date through the entity's workflow, each with its first revision.
    /// </summary>
    internal static (IReadOnlyList<Category> Categories, IReadOnlyList<Article> Articles, IReadOnlyList<ArticleRevision> Revisions) Build(string unitCode)
    {
        var categories = Categories.Select((name, i) => Category.Create(unitCode, name, i).Value).ToList();
        var articles = new List<Article>();
        var revisions = new List<ArticleRevision>();
        foreach (var item in OtherNews.Prepend(Seed))
        {
            var at = new DateTimeOffset(item.PublishedVietnam, VietnamTime.Offset).UtcDateTime;
            var category = categories.Single(c => c.Name == item.Category);
            var content = new ArticleContent(item.Title, "", item.Body, item.Author, category.Id, item.Tags,
                item.Figures.Select(f => new FigureContent(f.Caption, f.Alt, null, f.AfterParagraph)).ToList());
            var article = Article.Create(unitCode, content, item.Slug, at).Value;
            if ((article.Submit(at) ?? article.Approve(at) ?? article.Publish(at)) is { } error)
            {
                throw new InvalidOperationException(error.Message);
            }

            articles.Add(article);
            revisions.Add(ArticleRevision.Of(article, null, "Dữ liệu minh họa", at, null));
        }

        return (categories, articles, revisions);
    }

    private const string SeedBody = """
        Trong những năm qua, phong trào Toàn dân bảo vệ an ninh Tổ quốc ở huyện Nam Sách đã có những chuyển biến mạnh mẽ; huy động được sức mạnh của cả hệ thống chính trị và mỗi người dân trong công tác phòng ngừa, đấu tranh phòng chống tội phạm và các tệ nạn xã hội, góp phần xây dựng thế trận an ninh nhân dân vững chắc, đảm bảo tốt an ninh trật tự trên địa bàn, tạo điều kiện thuận lợi cho sự phát triển kinh tế, xã hội ở địa phương.

        Nhận thức sâu sắc vai trò to lớn của quần chúng nhân dân trong sự nghiệp bảo vệ an ninh Tổ quốc (ANTQ), lực lượng Công an huyện và Công an các xã, thị trấn đã thực hiện tốt vai trò tham mưu cho cấp ủy, chính quyền huy động sức mạnh tổng hợp của cả hệ thống chính trị và toàn dân tham gia phong trào “Toàn dân bảo vệ ANTQ”, nhờ đó, phong trào ngày càng phát triển mạnh mẽ cả bề rộng lẫn chiều sâu, góp phần tích cực vào công tác đảm bảo an ninh trật tự trên địa bàn, phục vụ phát triển kinh tế xã hội. Việc thực hiện phong trào “Toàn dân bảo vệ ANTQ” và tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” gắn với kỷ niệm ngày truyền thống lực lượng Công an nhân dân 19/8 là một trong những hoạt động nhằm giáo dục truyền thống yêu nước, lòng tự hào dân tộc của cán bộ, đảng viên và các tầng lớp nhân dân. Đây cũng là dịp để cấp ủy, chính quyền và lực lượng công an quán triệt, triển khai, tổ chức thực hiện hiệu quả Nghị quyết, Chỉ thị, Đề án của Đảng và Nhà nước về nhiệm vụ giữ gìn an ninh Quốc gia.

        Với vai trò nòng cốt trong phong trào “Toàn dân bảo vệ ANTQ”, lực lượng Công an từ huyện đến cơ sở đã chủ động phối hợp với Mặt trận Tổ quốc, các ban ngành, đoàn thể tăng cường tuyên truyền, giáo dục pháp luật; cung cấp trên 100 lượt tin, bài cho Đài phát thanh huyện kịp thời thông báo tình hình, phương thức, thủ đoạn hoạt động của các loại tội phạm đến cán bộ, nhân dân; phối hợp tổ chức 30 buổi tuyên truyền về phòng ngừa trật tự xã hội, bạo lực gia đình, phòng chống tội phạm nhằm nâng cao ý thức cảnh giác, tự quản, tự phòng, tích cực tham gia phát hiện, đấu tranh tố giác tội phạm; cảm hóa giáo dục đối tượng lầm lỗi tại cộng đồng dân cư.

        Không chỉ làm tốt công tác tuyên truyền, việc tổ chức và duy trì hoạt động có hiệu quả của các mô hình, cụm liên kết giữ gìn an ninh trật tự cũng được thực hiện hiệu quả. Hiện toàn huyện đang duy trì 88 mô hình điển hình tiên tiến trong phong trào “Toàn dân bảo vệ ANTQ”. Riêng năm 2020 xây dựng được 9 mô hình, cụm liên kết hoạt động có hiệu quả. Có 7 xã đạt an toàn về ANTT và 120 làng, khu dân cư, cơ quan, doanh nghiệp, trường học đạt an toàn về ANTT. Hằng năm quần chúng nhân dân đã cung cấp cho lực lượng Công an hàng chục tin báo tố giác tội phạm có giá trị; tham gia giáo dục, cảm hóa, giúp đỡ nhiều trường hợp lầm lỗi, giúp họ tái hòa nhập cộng đồng; tham gia hòa giải các trường hợp tranh chấp, mâu thuẫn ở cơ sở.

        Qua những đợt phát động, tuyên truyền và thực tiễn hoạt động đã xuất hiện nhiều tấm gương tiêu biểu trong phong trào “Toàn dân bảo vệ ANTQ” được các cấp khen thưởng. Riêng năm 2020 đã có 3 tập thể và 5 cá nhân có thành tích xuất sắc được Giám đốc Công an tỉnh tặng giấy khen, 14 đồng chí được xét tặng “Kỷ niệm chương bảo vệ ANTQ”; UBND huyện tặng giấy khen cho 24 tập thể và 22 cá nhân.

        Đặc biệt, trong thời gian gần đây, phong trào “Toàn dân bảo vệ ANTQ” đã phát huy được vai trò nòng cốt trong phòng, chống dịch Covid 19 trên địa bàn. Không kể ngày hay đêm, lực lượng công an và quần chúng nhân dân đã phát huy tinh thần trách nhiệm, sẵn sàng tiếp nhận nhiệm vụ, nhất là làm tốt việc nắm tình hình; tham gia tuần tra, kiểm soát; chủ động “đi từng ngõ, gõ từng nhà” để truy vết F1, F2, làm rõ yếu tố dịch tễ của các F0; tuyên truyền, vận động nhân dân cảnh giác với các loại tội phạm, tệ nạn xã hội và thực hiện nghiêm các biện pháp phòng, chống dịch Covid-19; tham gia bảo vệ các khu phong tỏa, các chốt phòng, chống dịch ở huyện, xã, tham gia các đoàn, các tổ kiểm tra liên ngành, phát hiện xử lý những vi phạm quy định phòng chống dịch Covid 19.

        Có thể nói, từ phong trào “Toàn dân bảo vệ ANTQ” trên địa bàn huyện đã khơi dậy được sức mạnh của toàn dân và cả hệ thống chính trị cùng chung tay vào cuộc, tạo nên thế trận an ninh nhân dân vững chắc, phát huy được tính chủ động, sáng tạo của nhân dân trong việc tham gia bảo vệ an ninh trật tự; góp phần làm giảm các loại tội phạm, giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn. Để phát huy hơn nữa những kết quả đã đạt được, thời gian tới các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc, các tổ chức, Hội đoàn thể và nhân dân cần thấm nhuần quan điểm “Sự nghiệp cách mạng của nhân dân, do nhân dân và vì nhân dân” việc duy trì và nâng cao chất lượng phong trào “Toàn dân bảo vệ ANTQ” là chủ động phòng ngừa, tích cực đấu tranh phòng, chống tội phạm, đảm bảo an ninh quốc gia, giữ gìn trật tự an toàn xã hội. Tiếp tục thực hiện tốt, hiệu quả cao các văn bản chỉ đạo của Đảng và Nhà nước về đảm bảo an ninh quốc gia, giữ gìn trật tự an toàn xã hội. Việc tổ chức các phong trào cần tiến hành theo hướng xã hội hóa cao; chú trọng xây dựng xã, thị trấn, cơ quan, doanh nghiệp, trường học an toàn về an ninh trật tự, gắn với phát triển, nâng cao chất lượng các mô hình tự quản, tự phòng ngừa. Đẩy mạnh công tác tuyên truyền, vận động, nâng cao nhận thức cho cán bộ, đảng viên và nhân dân về chủ trương, đường lối, chính sách của Đảng, pháp luật của nhà nước, nhiệm vụ bảo vệ an ninh trật tự và các nội dung hoạt động của phong trào toàn dân bảo vệ ANTQ. Duy trì tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc gắn với kỷ niệm ngày thành lập lực lượng Công an nhân dân 19/8 nhằm tổng kết, nhân rộng những mô hình, kinh nghiệm hay trong phong trào toàn dân bảo vệ ANTQ. Tiếp tục tạo sự gắn kết giữa lực lượng công an với MTTQ và các hội, đoàn thể; chú trọng việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” và cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư”. Tiếp tục xây dựng lực lượng Công an nhân dân và lực lượng nòng cốt bảo vệ an ninh trật tự ở cơ sở đáp ứng yêu cầu nhiệm vụ được giao. Từng cán bộ, đảng viên và nhân dân nêu cao ý thức tự giác, tinh thần tự nguyện tham gia tích cực vào phong trào toàn dân bảo vệ ANTQ, có như vậy thì công tác đảm bảo an ninh trật tự trên địa bàn mới đạt hiệu quả cao nhất và ngày 19/8 hàng năm mới thực sự là ngày hội toàn dân bảo vệ ANTQ, phục vụ có hiệu quả vào sự nghiệp phát triển kinh tế, văn hóa, xã hội ở địa phương, xây dựng quê hương Nam Sách ngày càng bình yên, giàu đẹp trong thời kỳ hội nhập và phát triển.
        """;
}
