using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Data;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.Tips.Privacy;
using ToanDan.Web.Features.Units.Import;
using ToanDan.Web.Infrastructure.Data;
using ToanDan.Web.Infrastructure.Time;

namespace ToanDan.Web.Infrastructure.Demo;

/// <summary>
/// Creates the demo database once: the national unit catalogues shipped in data/admin-units and a demo
/// deployment for huyện Nam Sách (Hải Dương) as of 2020–2021 with its places, accounts and portal news. Refuses a database that
/// already holds data it did not create.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, TimeProvider clock, IHostEnvironment environment)
{
    /// <summary>How to sign in to the demo.</summary>
    public static readonly string LoginHint =
        $"tài khoản: {string.Join(", ", DemoAccounts.All.Select(a => a.UserName))} — mật khẩu chung {DemoAccounts.Password}";

    /// <summary>Where the shipped catalogues are.</summary>
    public string CatalogueFolder
    {
        get
        {
            foreach (var root in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
            {
                var folder = Path.Combine(root, "data", "admin-units");
                if (File.Exists(Path.Combine(folder, ImportUnitCatalogues.ManifestName)))
                {
                    return folder;
                }
            }

            return Path.Combine(AppContext.BaseDirectory, "data", "admin-units");
        }
    }

    /// <summary>Seeds the demo if needed; returns what happened, or why it refused.</summary>
    public async Task<Result<string>> EnsureAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ToanDanDb>();
        if (await db.DeploymentSettings.AnyAsync(s => s.Key == DeploymentSetting.DemoSeededAt, ct))
        {
            return "cơ sở dữ liệu minh họa đã có sẵn.";
        }

        if (await db.Places.AnyAsync(ct) || await db.UnitCatalogues.AnyAsync(ct) || await db.Users.AnyAsync(u => !u.IsDemo, ct))
        {
            return Error.Conflict("Cơ sở dữ liệu này đã có dữ liệu thật (không phải dữ liệu minh họa); chế độ --demo không chạy trên đó. Hãy dùng một tệp cơ sở dữ liệu khác (ConnectionStrings:ToanDan).");
        }

        var import = scope.ServiceProvider.GetRequiredService<ImportUnitCatalogues.Handler>();
        var imported = await import.HandleAsync(new ImportUnitCatalogues.Command(CatalogueFolder, null), ct);
        if (!imported.IsSuccess)
        {
            return Result<string>.Failure(imported.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        var places = NamSachDemo.Places(now);
        db.Places.AddRange(places);
        await db.SaveChangesAsync(ct);

        var create = scope.ServiceProvider.GetRequiredService<CreateUser.Handler>();
        foreach (var (userName, fullName, role, unit) in DemoAccounts.All)
        {
            var created = await create.HandleAsync(new CreateUser.Command
            {
                UserName = userName,
                FullName = fullName,
                Password = DemoAccounts.Password,
                Roles = [(role, unit)],
                IsDemo = true,
            }, ct);
            if (!created.IsSuccess)
            {
                return Result<string>.Failure(created.Errors);
            }
        }

        var news = NamSachNewsDemo.Build(NamSachDemo.DistrictCode);
        db.Categories.AddRange(news.Categories);
        db.Articles.AddRange(news.Articles);
        db.ArticleRevisions.AddRange(news.Revisions);

        // The portal's identity and its TTHC box (Portal, ProcedureStats): demo data.
        db.PortalSettings.Add(PortalSettings.Create(PortalDemo.Settings, now).Value);
        var periods = PortalDemo.Periods(VietnamTime.Today(clock), now);
        db.ProcedurePeriods.AddRange(periods);
        await db.SaveChangesAsync(ct);

        // Models, clusters and exemplars of 2012–2021 (Models): the 2020 figures come from these records.
        var models = NamSachModelsDemo.Build(places, VietnamTime.Today(clock), now);
        db.MovementModels.AddRange(models.Models);
        db.Exemplars.AddRange(models.Exemplars);
        // "An toàn về ANTT" certifications and movement scores of 2020 (Safety, Scoring): demo records.
        var safety = NamSachSafetyDemo.Build(places);
        db.SafetyRecords.AddRange(safety.Records);
        db.ScoreCards.AddRange(safety.Cards);
        // Crime tips of 2020 (Tips): encrypted with this deployment's keys like real ones.
        var tips = NamSachTipsDemo.Build(scope.ServiceProvider.GetRequiredService<TipVault>(), scope.ServiceProvider.GetRequiredService<ReceiptCodes>());
        db.Tips.AddRange(tips.Tips);
        db.TipMessages.AddRange(tips.Messages);
        await db.SaveChangesAsync(ct);

        // Written last: a seeding interrupted half-way is not mistaken for a finished demo.
        db.DeploymentSettings.Add(DeploymentSetting.Create(DeploymentSetting.DemoSeededAt, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture), now));
        await db.SaveChangesAsync(ct);
        return $"đã tạo dữ liệu minh họa: {imported.Value.Count} tệp danh mục, {places.Count} địa bàn của huyện Nam Sách, {periods.Count} kỳ kết quả giải quyết TTHC, thông tin cổng, {DemoAccounts.All.Count} tài khoản, {news.Articles.Count} tin bài, {models.Models.Count} mô hình, {safety.Records.Count} hồ sơ “An toàn về ANTT”, {safety.Cards.Count} bảng điểm phong trào, {tips.Tips.Count} tin báo tội phạm năm {NamSachTipsDemo.Year}.";
    }

    /// <summary>True when the database was created by the demo (the UI then shows the demo banner).</summary>
    public static Task<bool> IsDemoDatabaseAsync(ToanDanDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DeploymentSettings.AnyAsync(s => s.Key == DeploymentSetting.DemoSeededAt, ct);
    }
}
