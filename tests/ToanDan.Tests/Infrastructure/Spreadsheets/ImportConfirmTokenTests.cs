using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using ToanDan.Web.Infrastructure.Spreadsheets;

namespace ToanDan.Tests.Infrastructure.Spreadsheets;

public sealed class ImportConfirmTokenTests
{
    private readonly EphemeralDataProtectionProvider _provider = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));

    private ImportConfirmToken<List<string>> Token(string purpose = "import") =>
        new(_provider.CreateProtector(purpose), _clock, TimeSpan.FromHours(2));

    [Fact]
    public void RoundTrip_GivesBackTheRowsSeen()
    {
        var token = Token().Protect(["Khu dân cư số 4", "Trường THCS Nam Sách"]);
        Assert.Equal(["Khu dân cư số 4", "Trường THCS Nam Sách"], Token().Unprotect(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("không-phải-mã")]
    [InlineData("AAAA")]
    public void Garbage_IsNull_NeverAnException(string? token) => Assert.Null(Token().Unprotect(token));

    [Fact]
    public void AlteredToken_OtherPurpose_OrExpired_IsNull()
    {
        var token = Token().Protect(["a"]);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Null(Token().Unprotect(altered));
        Assert.Null(Token("another import").Unprotect(token));

        _clock.Advance(TimeSpan.FromHours(2));
        Assert.NotNull(Token().Unprotect(token));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(Token().Unprotect(token));
    }
}
