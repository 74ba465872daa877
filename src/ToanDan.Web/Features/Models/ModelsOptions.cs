namespace ToanDan.Web.Features.Models;

/// <summary>Settings of the Models module (configuration section <c>Models</c>).</summary>
public sealed class ModelsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Models";

    /// <summary>
    /// The default minimum age, in months, of a model before its yearly effectiveness evaluation. HD 22/HD-BCA-V05
    /// (18/11/2022) has models evaluated only once they have run long enough ("đủ thời gian"), but the duration is
    /// Unconfirmed (docs: domain.md §2). The default follows the one confirmed rule of the same kind in the
    /// movement: HD 01/HD-BCA-V05 does not grade security teams active for less than 9 months (domain.md §6).
    /// </summary>
    public const int DefaultMinimumAgeMonths = 9;

    /// <summary>Months a model must have run, by 31 December of the year, before it is evaluated for that year.</summary>
    public int MinimumAgeMonths { get; set; } = DefaultMinimumAgeMonths;
}
