namespace ToanDan.Web.Features.Tips;

/// <summary>Where a tip is in its handling.</summary>
public enum TipStatus
{
    /// <summary>Mới tiếp nhận: received, nobody assigned yet.</summary>
    New,

    /// <summary>Đang kiểm tra: assigned to an officer of the receiving unit.</summary>
    InProgress,

    /// <summary>Đã chuyển cơ quan điều tra (BLTTHS art. 145, TTLT 01/2017).</summary>
    Transferred,

    /// <summary>Đã có kết quả giải quyết (art. 147).</summary>
    Decided,

    /// <summary>Đã kết thúc: the reporter's access ends a configurable time later; the record is purged after the retention period.</summary>
    Closed,
}

/// <summary>The three kinds of BLTTHS art. 144.</summary>
public enum TipKind
{
    /// <summary>Tố giác về tội phạm: from an individual.</summary>
    Denunciation,

    /// <summary>Tin báo về tội phạm: from an organisation or the mass media.</summary>
    Report,

    /// <summary>Kiến nghị khởi tố: a state body's written request with evidence.</summary>
    ProsecutionRequest,
}

/// <summary>How a tip reached the police (art. 144: oral or written, in person, by post, by phone, online…).</summary>
public enum TipChannel
{
    Web,
    InPerson,
    Phone,
    Post,
    VNeID,
    Other,
}

/// <summary>What the tip is about, as the reporter or the officer classifies it.</summary>
public enum TipCategory
{
    Drugs,
    Theft,
    Fraud,
    Gambling,
    Violence,
    Cyber,
    Smuggling,
    Environment,
    Other,
}

/// <summary>How the tip was resolved (art. 147: khởi tố / không khởi tố / tạm đình chỉ; or not a crime, forwarded elsewhere).</summary>
public enum TipOutcome
{
    /// <summary>Quyết định khởi tố vụ án hình sự.</summary>
    Prosecuted,

    /// <summary>Quyết định không khởi tố vụ án hình sự.</summary>
    NotProsecuted,

    /// <summary>Quyết định tạm đình chỉ việc giải quyết tố giác, tin báo.</summary>
    Suspended,

    /// <summary>Không phải tội phạm — chuyển cơ quan, tổ chức khác giải quyết.</summary>
    NotACrimeForwarded,
}

/// <summary>Who wrote a message of a tip's conversation.</summary>
public enum TipMessageKind
{
    /// <summary>Written by the reporter (through the receipt code).</summary>
    FromReporter,

    /// <summary>Written by an officer to the reporter; the reporter reads it with the code.</summary>
    ToReporter,

    /// <summary>An officer's internal note: never shown to the reporter.</summary>
    InternalNote,
}

/// <summary>What an attachment is, decided by its content (not its name).</summary>
public enum TipFileKind
{
    Image,
    Video,
    Document,
}

/// <summary>A reminder the background job raises for a clock.</summary>
public enum TipReminderKind
{
    TransferDueSoon,
    TransferOverdue,
    DecisionDueSoon,
    DecisionOverdue,
    ExtensionRequestDueSoon,
}

/// <summary>Vietnamese (and English) names of the Tips enumerations.</summary>
public static class TipNames
{
    public static string Vietnamese(this TipStatus status) => status switch
    {
        TipStatus.New => "Mới tiếp nhận",
        TipStatus.InProgress => "Đang kiểm tra, xác minh",
        TipStatus.Transferred => "Đã chuyển cơ quan điều tra",
        TipStatus.Decided => "Đã có kết quả giải quyết",
        TipStatus.Closed => "Đã kết thúc",
        _ => status.ToString(),
    };

    public static string Vietnamese(this TipKind kind) => kind switch
    {
        TipKind.Denunciation => "Tố giác về tội phạm",
        TipKind.Report => "Tin báo về tội phạm",
        TipKind.ProsecutionRequest => "Kiến nghị khởi tố",
        _ => kind.ToString(),
    };

    public static string Vietnamese(this TipChannel channel) => channel switch
    {
        TipChannel.Web => "Cổng thông tin (trực tuyến)",
        TipChannel.InPerson => "Trực tiếp",
        TipChannel.Phone => "Điện thoại",
        TipChannel.Post => "Qua bưu chính",
        TipChannel.VNeID => "Ứng dụng VNeID",
        TipChannel.Other => "Hình thức khác",
        _ => channel.ToString(),
    };

    public static string Vietnamese(this TipCategory category) => category switch
    {
        TipCategory.Drugs => "Ma túy",
        TipCategory.Theft => "Trộm cắp, cướp tài sản",
        TipCategory.Fraud => "Lừa đảo, chiếm đoạt tài sản",
        TipCategory.Gambling => "Cờ bạc, cá độ",
        TipCategory.Violence => "Cố ý gây thương tích, xâm hại con người",
        TipCategory.Cyber => "Tội phạm trên không gian mạng",
        TipCategory.Smuggling => "Buôn lậu, hàng cấm",
        TipCategory.Environment => "Môi trường",
        TipCategory.Other => "Khác",
        _ => category.ToString(),
    };

    public static string Vietnamese(this TipOutcome outcome) => outcome switch
    {
        TipOutcome.Prosecuted => "Khởi tố vụ án",
        TipOutcome.NotProsecuted => "Không khởi tố vụ án",
        TipOutcome.Suspended => "Tạm đình chỉ giải quyết",
        TipOutcome.NotACrimeForwarded => "Không phải tội phạm — chuyển nơi khác giải quyết",
        _ => outcome.ToString(),
    };

    public static string Vietnamese(this TipReminderKind kind) => kind switch
    {
        TipReminderKind.TransferDueSoon => "Sắp hết hạn chuyển cơ quan điều tra",
        TipReminderKind.TransferOverdue => "Quá hạn chuyển cơ quan điều tra",
        TipReminderKind.DecisionDueSoon => "Sắp hết hạn giải quyết",
        TipReminderKind.DecisionOverdue => "Quá hạn giải quyết",
        TipReminderKind.ExtensionRequestDueSoon => "Sắp hết hạn đề nghị gia hạn",
        _ => kind.ToString(),
    };

    /// <summary>Parses an enum value as posted (its name), rejecting numbers and unknown names.</summary>
    public static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        return !string.IsNullOrEmpty(value) && !char.IsAsciiDigit(value[0]) && value[0] != '-'
            && Enum.TryParse(value, ignoreCase: false, out result) && Enum.IsDefined(result);
    }
}
