using System.Buffers;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace RuleOfLawPlan.Web.Data.Evidence;

/// <summary>
/// The content of evidence files, in PostgreSQL beside their rows (one backup holds everything), as a file's
/// <see cref="EvidenceChunk">chunks</see> of <see cref="ChunkSize"/>: written a chunk at a time as the upload is read,
/// read back a row at a time with <see cref="CommandBehavior.SequentialAccess"/>, so memory use does not grow with the
/// file (docs/decisions/017-evidence-in-postgresql-chunks.md).
/// </summary>
public static class EvidenceStore
{
    /// <summary>1 MB: large enough that a 20 MB file is 20 rows, small enough that a row is cheap to hold and to TOAST.</summary>
    public const int ChunkSize = 1024 * 1024;

    /// <summary>Where a kind of file keeps its chunks: the table, and its column naming the file.</summary>
    public sealed record ChunkTable(string Table, string FileColumn)
    {
        /// <summary>A task's 佐证材料 (<see cref="EvidenceChunk"/>).</summary>
        public static readonly ChunkTable Tasks = new("evidence_chunks", "evidence_file_id");

        /// <summary>A 领导履职台账 entry's 佐证材料 (<see cref="ActivityEvidenceChunk"/>).</summary>
        public static readonly ChunkTable Activities = new("activity_evidence_chunks", "activity_evidence_file_id");
    }

    /// <summary>
    /// Writes <paramref name="content"/> (read from where it stands to its end) as the chunks of file
    /// <paramref name="fileId"/>, in the context's current transaction — the one that saved the file's row, so the
    /// row and every chunk are committed together or not at all. Returns the number of bytes written.
    /// </summary>
    public static Task<long> WriteAsync(PlanDb db, long fileId, Stream content, CancellationToken ct) =>
        WriteAsync(db, ChunkTable.Tasks, fileId, content, ct);

    /// <inheritdoc cref="WriteAsync(PlanDb, long, Stream, CancellationToken)"/>
    public static async Task<long> WriteAsync(PlanDb db, ChunkTable table, long fileId, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Write evidence content in the transaction that saves the file's row.");
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var ordinal = new NpgsqlParameter<int>();
            var data = new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea };
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {table.Table} ({table.FileColumn}, ordinal, data) VALUES ($1, $2, $3)", transaction.Connection, transaction)
            {
                Parameters = { new NpgsqlParameter<long> { TypedValue = fileId }, ordinal, data },
            };
            long written = 0;
            for (var i = 0; ; i++)
            {
                var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, ct);
                if (read == 0) break;
                ordinal.TypedValue = i;
                data.TypedValue = buffer.AsMemory(0, read);
                await insert.ExecuteNonQueryAsync(ct);
                written += read;
                if (read < ChunkSize) break;
            }
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies the content of file <paramref name="fileId"/> to <paramref name="destination"/>, chunk by chunk.</summary>
    public static Task CopyToAsync(PlanDb db, long fileId, Stream destination, CancellationToken ct) =>
        CopyToAsync(db, ChunkTable.Tasks, fileId, destination, ct);

    /// <inheritdoc cref="CopyToAsync(PlanDb, long, Stream, CancellationToken)"/>
    public static async Task CopyToAsync(PlanDb db, ChunkTable table, long fileId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var select = new NpgsqlCommand(
                $"SELECT data FROM {table.Table} WHERE {table.FileColumn} = $1 ORDER BY ordinal", (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Parameters = { new NpgsqlParameter<long> { TypedValue = fileId } },
            };
            await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                await using var chunk = await reader.GetStreamAsync(0, ct);
                await chunk.CopyToAsync(destination, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
