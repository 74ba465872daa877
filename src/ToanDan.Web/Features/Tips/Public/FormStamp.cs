using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ToanDan.Web.Features.Tips.Public;

/// <summary>
/// A signed time stamp in the public form (data protection): a post sooner than
/// <see cref="TipsOptions.MinimumFillSeconds"/> after the form was served, or with a forged or day-old stamp, is
/// treated as a bot's. Nothing is stored.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, IOptions<TipsOptions> options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ToanDan.Tips.FormStamp.v1");

    public string Issue() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the stamp is genuine, old enough and not older than a day.</summary>
    public bool Accept(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000)
        {
            return false;
        }

        try
        {
            var ticks = long.Parse(_protector.Unprotect(stamp), CultureInfo.InvariantCulture);
            var age = clock.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
            return age >= TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) && age <= TimeSpan.FromDays(1);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
