namespace ToanDan.Web.Features.Units;

/// <summary>How a predecessor passed into a successor in a reorganisation.</summary>
public enum SuccessionShare
{
    /// <summary>The whole predecessor went into the successor (merge, or unchanged continuation).</summary>
    Whole,

    /// <summary>The predecessor was split; only part of it went into this successor.</summary>
    Part,

    /// <summary>Same code, new name or type (e.g. xã → phường).</summary>
    Renamed,

    /// <summary>Same code and name, but under another parent.</summary>
    Reparented,
}
