using System.Security.Cryptography;
using System.Text;

namespace ToanDan.Web.Features.Tips.Privacy;

/// <summary>
/// Receipt codes: 16 random decimal digits from <see cref="RandomNumberGenerator"/> (10^16 ≈ 2^53.15, so about
/// 53 bits of entropy), shown once in groups of four. Only an HMAC-SHA-256 of the digits, keyed by a secret that
/// is not in the database, is stored: a stolen database does not let anyone test codes offline.
/// </summary>
public sealed class ReceiptCodes(TipKeyRing keys)
{
    /// <summary>Digits in a code.</summary>
    public const int Length = 16;

    /// <summary>Bits of entropy of a code: 16 · log2(10).</summary>
    public static readonly double EntropyBits = Length * Math.Log2(10);

    /// <summary>
    /// A new random code (digits only). The digits come from one call to the system's CSPRNG (not one per digit:
    /// sixteen calls were the largest single cost of a submission, bench/tips.sh): each random byte below 250 =
    /// 25 × 10 gives a digit (byte mod 10, every digit exactly equally likely); bytes 250–255 are dropped.
    /// </summary>
    public static string NewCode()
    {
        Span<char> digits = stackalloc char[Length];
        Span<byte> random = stackalloc byte[Length * 2];
        var filled = 0;
        while (filled < Length)
        {
            RandomNumberGenerator.Fill(random);
            foreach (var b in random)
            {
                if (b < 250 && filled < Length)
                {
                    digits[filled++] = (char)('0' + (b % 10));
                }
            }
        }

        CryptographicOperations.ZeroMemory(random);
        return new string(digits);
    }

    /// <summary>The code in groups of four: <c>1234 5678 9012 3456</c>.</summary>
    public static string Format(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var builder = new StringBuilder(code.Length + (code.Length / 4));
        for (var i = 0; i < code.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(code[i]);
        }

        return builder.ToString();
    }

    /// <summary>The digits of a code as typed (spaces, dashes and dots ignored), or null when it is not 16 digits.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return null;
        }

        var digits = new StringBuilder(Length);
        foreach (var c in input)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '\u00A0'))
            {
                return null;
            }
        }

        return digits.Length == Length ? digits.ToString() : null;
    }

    /// <summary>The stored form of a code: HMAC-SHA-256 (hex).</summary>
    public string Hash(string digits) => Convert.ToHexStringLower(HMACSHA256.HashData(keys.ReceiptKey, Encoding.ASCII.GetBytes(digits)));
}
