using Microsoft.EntityFrameworkCore;
using ToanDan.Web.Features.Units;
using ToanDan.Web.Infrastructure.Data;

namespace ToanDan.Web.Data;

/// <summary>
/// The one database of ToanDan. Each module keeps its entity configurations in its own
/// <c>Features/&lt;Module&gt;/Data</c> folder; they are picked up from this assembly.
/// Provider-specific subclasses (<see cref="SqliteToanDanDb"/>, <see cref="PostgreSqlToanDanDb"/>)
/// exist only so that each provider has its own migrations (see docs/adr/0002).
/// </summary>
public abstract class ToanDanDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();

    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();

    public DbSet<UnitCatalogue> UnitCatalogues => Set<UnitCatalogue>();

    public DbSet<UnitCatalogueEntry> UnitCatalogueEntries => Set<UnitCatalogueEntry>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<DeploymentSetting> DeploymentSettings => Set<DeploymentSetting>();

    /// <summary>The provider this context talks to.</summary>
    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ToanDanDb).Assembly);
    }
}

/// <summary>ToanDanDb on SQLite, with migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteToanDanDb(DbContextOptions<SqliteToanDanDb> options) : ToanDanDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>ToanDanDb on PostgreSQL, with migrations under Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlToanDanDb(DbContextOptions<PostgreSqlToanDanDb> options) : ToanDanDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The database engines ToanDan runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
