using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ToanDan.Web.Infrastructure.Data;

namespace ToanDan.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the web host (scripts/add-migration).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteToanDanDb>
{
    public SqliteToanDanDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteToanDanDb>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteToanDanDb(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context; adding a migration needs no server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlToanDanDb>
{
    public PostgreSqlToanDanDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlToanDanDb>();
        DatabaseSetup.ConfigurePostgreSql(options, "Host=localhost;Database=toandan_design;Username=toandan");
        return new PostgreSqlToanDanDb(options.Options);
    }
}
