using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text.Json;
using Evidence.Analytics.Import;
using Microsoft.Data.Sqlite;

namespace Evidence.Analytics.Asreview;

/// <summary>Reads an ASReview project file (<c>.asreview</c>, project format version 3, as ASReview 2 writes it): the
/// records of its dataset and the screening decisions in the order they were made.</summary>
/// <remarks>
/// <para>A project is a zip package holding <c>project.json</c> (its <c>project_file_version</c> must be 3),
/// the input file under <c>data/</c> and <c>results.db</c>, an SQLite database. Records are read from its
/// <c>record</c> table (title, abstract, authors and keywords as JSON lists, year, DOI, URL, the dataset's own label
/// <c>included</c>), decisions from its <c>results</c> table in the order rows were added: the priors first (no
/// training set), then each record the model proposed; a row with no label is a record proposed but not yet screened.</para>
/// <para>The package is opened with the limits of <see cref="ImportOptions"/> (uncompressed size and compression ratio)
/// and every part read is checked against the CRC-32 its zip directory records. A damaged project yields problems
/// located by file, part (<c>project.json</c>, <c>results.db: results</c>), row, column and value, never an exception;
/// a project that cannot be opened at all yields one <see cref="ProblemKind.UnreadableFile"/> or
/// <see cref="ProblemKind.TooLarge"/> problem.</para>
/// </remarks>
public static class AsreviewProject
{
    /// <summary>The project format version read.</summary>
    public const int FormatVersion = 3;

    private const string ProjectPart = "project.json";
    private const string ResultsPart = "results.db";
    private const long RatioCheckThreshold = 1024 * 1024;

    /// <summary>Reads a project file.</summary>
    /// <param name="path">The <c>.asreview</c> file.</param>
    /// <param name="options">Size limits; null for the defaults.</param>
    public static ProjectImport Read(string path, ImportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string file = Path.GetFileName(path);
        if (!File.Exists(path)) return Refused(file, ProblemKind.UnreadableFile, $"There is no file '{path}'.");
        try
        {
            using var stream = WorkbookSource.OpenFile(path);
            return Read(stream, file, options);
        }
        catch (WorkbookUnreadableException e)
        {
            return Refused(file, e.Kind, e.Message);
        }
    }

    /// <summary>Reads a project from a stream; the file name appears in problems.</summary>
    /// <param name="stream">The content; read but not closed.</param>
    /// <param name="fileName">The file's name.</param>
    /// <param name="options">Size limits; null for the defaults.</param>
    public static ProjectImport Read(Stream stream, string fileName, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        options ??= ImportOptions.Default;
        string file = Path.GetFileName(fileName);
        string? database = null;
        try
        {
            using var zip = OpenPackage(stream, options);
            var project = ReadProject(zip);
            database = Extract(zip, Entry(zip, ResultsPart), options);
            return ReadResults(database, file, project);
        }
        catch (WorkbookUnreadableException e)
        {
            return Refused(file, e.Kind, e.Message);
        }
        finally
        {
            if (database is not null) File.Delete(database);
        }
    }

    private static ProjectImport Refused(string file, ProblemKind kind, string message) =>
        new(file, null, [], [], [new ImportProblem(kind, ProblemSeverity.Error, file, null, null, null, null, null, message)]);

    private static ZipArchive OpenPackage(Stream stream, ImportOptions options)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            _ = zip.Entries.Count;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile,
                $"The file cannot be read as an ASReview project: it is not a zip package, or its zip directory is damaged, as when the file is truncated ({WorkbookUnreadableException.Reason(e)}).", e);
        }
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > RatioCheckThreshold && entry.Length > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"its part {entry.FullName} expands {entry.Length / Math.Max(1, entry.CompressedLength):N0} times"), options);
        }
        if (total > options.MaxUncompressedBytes)
            throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"it would expand to {total:N0} bytes"), options);
        return zip;
    }

    private static WorkbookUnreadableException TooLarge(string why, ImportOptions options) =>
        new(ProblemKind.TooLarge, "The project is refused as absurdly large: " + why
            + string.Create(CultureInfo.InvariantCulture, $" (limits: {options.MaxUncompressedBytes:N0} bytes uncompressed, compression ratio {options.MaxCompressionRatio:N0})."));

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new WorkbookUnreadableException(ProblemKind.UnreadableFile,
            $"The file is not an ASReview project (version {FormatVersion}): it has no part {name}.");

    private static WorkbookUnreadableException Damaged(string part, string reason, Exception? inner = null) =>
        new(ProblemKind.UnreadableFile, $"The project cannot be read: part {part} is damaged ({reason}).", inner);

    /// <summary>Copies a part to <paramref name="target"/>, counting bytes against the limit and checking size and CRC-32.</summary>
    private static void Copy(ZipArchiveEntry entry, Stream target, ImportOptions options)
    {
        var crc = new Crc32();
        long length = 0;
        try
        {
            using var content = entry.Open();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                length += read;
                if (length > options.MaxUncompressedBytes)
                    throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"its part {entry.FullName} expands beyond {options.MaxUncompressedBytes:N0} bytes"), options);
                crc.Append(buffer.AsSpan(0, read));
                target.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw Damaged(entry.FullName, "its compressed data is corrupt", e);
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            throw Damaged(entry.FullName, WorkbookUnreadableException.Reason(e), e);
        }
        if (length != entry.Length)
            throw Damaged(entry.FullName, string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes where the zip directory records {entry.Length:N0}"));
        if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
            throw Damaged(entry.FullName, "checksum mismatch");
    }

    /// <summary>Writes results.db to a temporary file (SQLite reads files, not streams) and returns its path.</summary>
    private static string Extract(ZipArchive zip, ZipArchiveEntry entry, ImportOptions options)
    {
        string path = Path.Combine(Path.GetTempPath(), "evidence-asreview-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            Copy(entry, target, options);
            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private sealed record ProjectInfo(string? Name);

    private static ProjectInfo ReadProject(ZipArchive zip)
    {
        var entry = Entry(zip, ProjectPart);
        using var buffer = new MemoryStream();
        Copy(entry, buffer, ImportOptions.Default);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile,
                string.Create(CultureInfo.InvariantCulture, $"The project cannot be read: part {ProjectPart} is not valid JSON ({WorkbookUnreadableException.Reason(e)}, at line {(e.LineNumber ?? 0) + 1})."), e);
        }
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("project_file_version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number))
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile,
                $"The project cannot be read: part {ProjectPart} has no project_file_version; this reader reads version {FormatVersion} (ASReview 2). Open the project in ASReview 2 and export it again.");
        if (number != FormatVersion)
            throw new WorkbookUnreadableException(ProblemKind.UnreadableFile, string.Create(CultureInfo.InvariantCulture,
                $"The project cannot be read: part {ProjectPart} says project_file_version {number}; this reader reads version {FormatVersion} (ASReview 2). Open the project in ASReview 2 and export it again."));
        string? name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new ProjectInfo(name);
    }

    private static readonly string[] RecordColumns = ["record_id", "title", "abstract", "authors", "keywords", "year", "doi", "url", "included"];
    private static readonly string[] ResultColumns = ["record_id", "label", "classifier", "querier", "training_set", "time", "note"];

    private static ProjectImport ReadResults(string database, string file, ProjectInfo project)
    {
        var problems = new List<ImportProblem>();
        var records = new List<Record>();
        var decisions = new List<ProjectDecision>();
        var connection = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var sqlite = new SqliteConnection(connection);
            sqlite.Open();
            if (CheckTable(sqlite, file, "record", RecordColumns, problems)) ReadRecords(sqlite, file, records, problems);
            if (CheckTable(sqlite, file, "results", ResultColumns, problems)) ReadDecisions(sqlite, file, records, decisions, problems);
        }
        catch (SqliteException e)
        {
            return Refused(file, ProblemKind.UnreadableFile, $"The project cannot be read: part {ResultsPart} is not a readable SQLite database ({WorkbookUnreadableException.Reason(e)}).");
        }
        return new ProjectImport(file, project.Name, [.. records], [.. decisions], [.. problems]);
    }

    private static string Part(string table) => $"{ResultsPart}: {table}";

    private static bool CheckTable(SqliteConnection sqlite, string file, string table, string[] required, List<ImportProblem> problems)
    {
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = sqlite.CreateCommand())
        {
            command.CommandText = "SELECT name FROM pragma_table_info($table)";
            command.Parameters.AddWithValue("$table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(0));
        }
        if (columns.Count == 0)
        {
            problems.Add(new ImportProblem(ProblemKind.MissingSheet, ProblemSeverity.Error, file, Part(table), null, null, null, null,
                $"The project's {ResultsPart} has no table '{table}'; it is not an ASReview {FormatVersion} project, or it is damaged."));
            return false;
        }
        var missing = required.Where(c => !columns.Contains(c)).ToList();
        foreach (string column in missing)
        {
            problems.Add(new ImportProblem(ProblemKind.MissingColumn, ProblemSeverity.Error, file, Part(table), null, column, null, null,
                $"The table '{table}' has no column '{column}'."));
        }
        return missing.Count == 0;
    }

    private static void ReadRecords(SqliteConnection sqlite, string file, List<Record> records, List<ImportProblem> problems)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT rowid, record_id, title, abstract, authors, keywords, year, doi, url, included FROM record ORDER BY record_id";
        using var reader = command.ExecuteReader();
        var located = new Located(file, Part("record"), problems);
        while (reader.Read())
        {
            located.Row = (int)reader.GetInt64(0);
            if (located.Integer(reader, 1, "record_id") is not { } id) continue;
            records.Add(new Record
            {
                Id = id.ToString(CultureInfo.InvariantCulture),
                Title = RecordFile.Clean(Located.Text(reader, 2)),
                Abstract = RecordFile.Clean(Located.Text(reader, 3)),
                Authors = located.List(reader, 4, "authors"),
                Keywords = located.List(reader, 5, "keywords"),
                Year = reader.IsDBNull(6) ? null : (int?)located.Integer(reader, 6, "year"),
                Doi = RecordFile.Clean(Located.Text(reader, 7)),
                Url = RecordFile.Clean(Located.Text(reader, 8)),
                Included = reader.IsDBNull(9) ? null : located.Label(reader, 9, "included"),
                File = file,
            });
        }
    }

    private static void ReadDecisions(SqliteConnection sqlite, string file, List<Record> records, List<ProjectDecision> decisions, List<ImportProblem> problems)
    {
        var known = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT rowid, record_id, label, classifier, querier, training_set, time, note FROM results ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var located = new Located(file, Part("results"), problems);
        while (reader.Read())
        {
            located.Row = (int)reader.GetInt64(0);
            if (located.Integer(reader, 1, "record_id") is not { } number) continue;
            string id = number.ToString(CultureInfo.InvariantCulture);
            if (!known.Contains(id))
            {
                problems.Add(located.Problem(ProblemKind.UnknownReference, "record_id", id,
                    $"The decision is on record {id}, which the project's record table does not hold."));
                continue;
            }
            bool? relevant = reader.IsDBNull(2) ? null : located.Label(reader, 2, "label");
            if (!reader.IsDBNull(2) && relevant is null) continue;
            double? time = reader.IsDBNull(6) ? null : reader.GetDouble(6);
            decisions.Add(new ProjectDecision
            {
                Position = decisions.Count + 1,
                RecordId = id,
                Relevant = relevant,
                IsPrior = reader.IsDBNull(5),
                Classifier = Located.Text(reader, 3),
                Query = Located.Text(reader, 4),
                LabelledAt = time is { } seconds && double.IsFinite(seconds) && Math.Abs(seconds) < 1e11
                    ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
                    : null,
                Note = RecordFile.Clean(Located.Text(reader, 7)),
            });
        }
    }

    /// <summary>Reads a table's cells, adding a problem located by part, row (SQLite rowid), column and value for each bad one.</summary>
    private sealed class Located(string file, string part, List<ImportProblem> problems)
    {
        public int Row { get; set; }

        public ImportProblem Problem(ProblemKind kind, string column, string? value, string message) =>
            new(kind, ProblemSeverity.Error, file, part, Row, column, null, value, message);

        public static string? Text(SqliteDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

        public long? Integer(SqliteDataReader reader, int ordinal, string column)
        {
            object value = reader.GetValue(ordinal);
            if (value is long number) return number;
            problems.Add(Problem(value is DBNull ? ProblemKind.MissingValue : ProblemKind.NotANumber, column, Text(reader, ordinal),
                value is DBNull ? $"The '{column}' is blank." : $"The '{column}' is not a whole number."));
            return null;
        }

        public bool? Label(SqliteDataReader reader, int ordinal, string column)
        {
            object value = reader.GetValue(ordinal);
            if (value is long and (0 or 1)) return (long)value == 1;
            problems.Add(Problem(ProblemKind.InvalidValue, column, Text(reader, ordinal),
                $"The '{column}' is neither 1 (relevant) nor 0 (irrelevant) nor empty (not labelled)."));
            return null;
        }

        public ImmutableArray<string> List(SqliteDataReader reader, int ordinal, string column)
        {
            string? text = Text(reader, ordinal);
            if (string.IsNullOrWhiteSpace(text)) return [];
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == JsonValueKind.Array
                    && document.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                    return [.. document.RootElement.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0)];
            }
            catch (JsonException)
            {
            }
            problems.Add(Problem(ProblemKind.InvalidValue, column, text, $"The '{column}' is not a JSON list of strings, as ASReview writes it."));
            return [];
        }
    }
}
