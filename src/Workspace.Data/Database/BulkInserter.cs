using System.Data.Common;

namespace Workspace.Data.Database;

/// <summary>
/// One INSERT command reused for many rows (the provider keeps it prepared) inside the caller's transaction: the fast path the
/// demo and benchmark generators need (millions of rows), without a provider-specific bulk API.
/// </summary>
public sealed class BulkInserter : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public BulkInserter(DbConnection connection, DbTransaction transaction, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new DbParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = "@" + parameterNames[i];
            p.Value = DBNull.Value;
            _command.Parameters.Add(p);
            _parameters[i] = p;
        }
    }

    public int Insert(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return _command.ExecuteNonQuery();
    }

    /// <summary>For inserts ending in RETURNING/OUTPUT id.</summary>
    public long InsertReturningId(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return Convert.ToInt64(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _command.Dispose();
}
