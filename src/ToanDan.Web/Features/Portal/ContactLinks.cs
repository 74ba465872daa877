namespace ToanDan.Web.Features.Portal;

/// <summary>Links for contact details shown on the portal.</summary>
public static class ContactLinks
{
    /// <summary>
    /// The digits of a phone number for a <c>tel:</c> link ("0220 3750 001 (số minh họa)" → "02203750001"); a leading
    /// "+" is kept. Only digits survive, so a settings value can never inject anything into the link.
    /// </summary>
    public static string Tel(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        var trimmed = phone.TrimStart();
        var digits = new string(trimmed.TakeWhile(c => c != '(').Where(char.IsAsciiDigit).ToArray());
        return trimmed.StartsWith('+') ? "+" + digits : digits;
    }
}
