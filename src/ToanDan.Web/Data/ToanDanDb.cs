using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ToanDan.Web.Features.Accounts;
using ToanDan.Web.Features.Audit;
using ToanDan.Web.Features.Models;
using ToanDan.Web.Features.News;
using ToanDan.Web.Features.Portal;
using ToanDan.Web.Features.ProcedureStats;
using ToanDan.Web.Features.Safety;
using ToanDan.Web.Features.Scoring;
using ToanDan.Web.Features.Tips;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Data;

namespace ToanDan.Web.Data;

/// <summary>
/// The one database of ToanDan. Each module keeps its entity configurations in its own
/// <c>Features/&lt;Module&gt;/Data</c> folder; they are picked up from this assembly.
/// Provider-specific subclasses (<see cref="SqliteToanDanDb"/>, <see cref="PostgreSqlToanDanDb"/>)
/// exist only so that each provider has its own migrations (see docs/adr/0002).
/// Every save goes through the audit trail when one is attached (always, in the running application).
/// </summary>
public abstract class ToanDanDb(DbContextOptions options, AuditTrail? audit) : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();

    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();

    public DbSet<UnitCatalogue> UnitCatalogues => Set<UnitCatalogue>();

    public DbSet<UnitCatalogueEntry> UnitCatalogueEntries => Set<UnitCatalogueEntry>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<DeploymentSetting> DeploymentSettings => Set<DeploymentSetting>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleFigure> ArticleFigures => Set<ArticleFigure>();

    public DbSet<ArticleSlug> ArticleSlugs => Set<ArticleSlug>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<ArticleLink> ArticleLinks => Set<ArticleLink>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<ProcedurePeriod> ProcedurePeriods => Set<ProcedurePeriod>();

    public DbSet<PortalSettings> PortalSettings => Set<PortalSettings>();

    public DbSet<PortalContact> PortalContacts => Set<PortalContact>();
    public DbSet<Features.Media.MediaItem> MediaItems => Set<Features.Media.MediaItem>();
    public DbSet<ModelCatalogueEntry> ModelCatalogueEntries => Set<ModelCatalogueEntry>();

    public DbSet<MovementModel> MovementModels => Set<MovementModel>();

    public DbSet<ModelStatusChange> ModelStatusChanges => Set<ModelStatusChange>();

    public DbSet<ReplicationPoint> ReplicationPoints => Set<ReplicationPoint>();

    public DbSet<ClusterMember> ClusterMembers => Set<ClusterMember>();

    public DbSet<ModelEvaluation> ModelEvaluations => Set<ModelEvaluation>();

    public DbSet<Exemplar> Exemplars => Set<Exemplar>();
    public DbSet<SafetyRecord> SafetyRecords => Set<SafetyRecord>();

    public DbSet<SafetyCheck> SafetyChecks => Set<SafetyCheck>();

    public DbSet<SafetyFile> SafetyFiles => Set<SafetyFile>();

    public DbSet<SafetyCriterion> SafetyCriteria => Set<SafetyCriterion>();

    public DbSet<ScoreCard> ScoreCards => Set<ScoreCard>();

    public DbSet<ScoreEntry> ScoreEntries => Set<ScoreEntry>();

    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();

    public DbSet<ScoreSheetItem> ScoreSheetItems => Set<ScoreSheetItem>();
    public DbSet<Tip> Tips => Set<Tip>();

    public DbSet<TipMessage> TipMessages => Set<TipMessage>();

    public DbSet<TipAttachment> TipAttachments => Set<TipAttachment>();

    public DbSet<TipReminder> TipReminders => Set<TipReminder>();

    public DbSet<TipRemoteUnit> TipRemoteUnits => Set<TipRemoteUnit>();

    /// <inheritdoc />
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The provider this context talks to.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The audit trail of this unit of work, if attached.</summary>
    public AuditTrail? Audit => audit;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        audit is null
            ? base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : audit.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> — rows a writer inserts itself, their audit records queued with
    /// <see cref="AuditTrail.Add(AuditRecord)"/> — then saves the tracked changes, in one transaction and, with an audit
    /// trail, under its chain's lock, exactly like an ordinary save.
    /// </summary>
    internal Task<int> SaveChangesAsync(Func<DbTransaction, CancellationToken, Task> write, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        async Task<int> WriteThenSaveAsync(CancellationToken ct)
        {
            var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
            await using (owned)
            {
                await write(Database.CurrentTransaction!.GetDbTransaction(), ct);
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
                if (owned is not null)
                {
                    await owned.CommitAsync(ct);
                }

                return written;
            }
        }

        return audit is null ? WriteThenSaveAsync(cancellationToken) : audit.SaveAsync(this, WriteThenSaveAsync, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        audit is null
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : audit.SaveAsync(this, _ => Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess)), CancellationToken.None).GetAwaiter().GetResult();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("user_claims");
            b.Property(c => c.ClaimType).HasMaxLength(256);
            b.Property(c => c.ClaimValue).HasMaxLength(1024);
        });
        builder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("user_logins");
            b.Property(l => l.ProviderDisplayName).HasMaxLength(256);
        });
        builder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("user_tokens");
            b.Property(t => t.Value).HasMaxLength(1024);
        });
        builder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("data_protection_keys");
            b.Property(k => k.FriendlyName).HasMaxLength(256);
            b.Property(k => k.Xml).HasMaxLength(8000);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(ToanDanDb).Assembly);
    }
}

/// <summary>ToanDanDb on SQLite, with migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteToanDanDb(DbContextOptions<SqliteToanDanDb> options, AuditTrail? audit = null) : ToanDanDb(options, audit)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>ToanDanDb on PostgreSQL, with migrations under Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlToanDanDb(DbContextOptions<PostgreSqlToanDanDb> options, AuditTrail? audit = null) : ToanDanDb(options, audit)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>Adds what only PostgreSQL has: the articles' generated tsvector and its GIN index.</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Features.News.Data.ArticleSearchIndex.ConfigurePostgreSql(builder);
    }
}

/// <summary>The database engines ToanDan runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
