using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ToanDan.Web.Data;

namespace ToanDan.Web.Infrastructure.Data;

/// <summary>
/// An INSERT of every column of one entity type, generated from EF Core's model (table, column names, type mappings
/// and value converters, so it follows the migrations) and kept as one command on an open connection: SQLite parses
/// it once however many rows follow. For a writer that inserts many rows of one type in a hot path (the tip intake);
/// everything else saves through the change tracker. Entity types with shadow, owned or complex properties are refused.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly bool _prepare;
    private bool _prepared;

    private PreparedInsert(DbCommand command, Column[] columns, bool prepare)
    {
        _command = command;
        _columns = columns;
        _prepare = prepare;
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, string Parameter);

    /// <summary>Builds the INSERT of <paramref name="clrType"/> on the context's connection (which must stay open while it is used).</summary>
    public static PreparedInsert Create(ToanDanDb db, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not an entity type.");
        if (type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new InvalidOperationException($"{clrType.Name} has owned or complex properties, which a prepared insert does not write.");
        }

        var table = StoreObjectIdentifier.Create(type, StoreObjectType.Table) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new List<Column>();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{clrType.Name}.{property.Name} is a shadow property, which a prepared insert cannot read.");
            }

            if (property.GetColumnName(table) is null)
            {
                continue;
            }

            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new Column(property, mapping, "p" + columns.Count.ToString(CultureInfo.InvariantCulture)));
        }

        var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Identifiers come from the model and are delimited by the provider; values are parameters.
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => sql.GenerateParameterNamePlaceholder(c.Parameter)))})";
#pragma warning restore CA2100
        return new PreparedInsert(command, [.. columns], prepare: db.Provider == DatabaseProvider.Sqlite);
    }

    /// <summary>Inserts <paramref name="entity"/> in <paramref name="transaction"/>.</summary>
    public async Task ExecuteAsync(object entity, DbTransaction transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entity);
        _command.Transaction = transaction;
        _command.Parameters.Clear();
        foreach (var column in _columns)
        {
            // The type mapping converts the value (enum names, dates, GUIDs) exactly as EF Core's own inserts do.
            _command.Parameters.Add(column.Mapping.CreateParameter(_command, column.Parameter, column.Property.GetGetter().GetClrValue(entity), column.Property.IsNullable));
        }

        int written;
        try
        {
            if (_prepare && !_prepared)
            {
                await _command.PrepareAsync(ct);
                _prepared = true;
            }

            written = await _command.ExecuteNonQueryAsync(ct);
        }
        catch (DbException ex)
        {
            // As EF Core reports a failed save (a unique index, a foreign key), so callers handle one exception type.
            throw new DbUpdateException($"The insert of a {entity.GetType().Name} failed: {ex.Message}", ex);
        }

        if (written != 1)
        {
            throw new DbUpdateException($"The insert of a {entity.GetType().Name} wrote {written} rows.");
        }
    }

    public void Dispose() => _command.Dispose();
}
