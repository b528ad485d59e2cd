using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Evidence.Analytics.ScreeningProjects;

/// <summary>A title-and-abstract screening project kept in one SQLite file: the records (imported and deduplicated once,
/// when the project is created), the sources they came from, the screeners, every decision as an append-only history of
/// events, and the model runs.</summary>
/// <remarks>
/// <para>A decision is durable when <see cref="Decide"/> returns: the file is in write-ahead-log mode with
/// <c>synchronous=FULL</c>, so the commit has reached the disk before the call returns, and a crash or <c>kill -9</c>
/// afterwards loses nothing. Several processes (or several <see cref="ScreeningProject"/> objects) may write one project
/// at once: each write is one immediate transaction, and a writer waits for another's to finish.</para>
/// <para>Each screener's decisions and undos carry a sequence number (1, 2, …) that the caller states: a request sent
/// twice, or out of order, is refused (<see cref="ProjectProblem.OutOfSequence"/>) rather than recorded twice.</para>
/// <para>The schema is versioned in <c>PRAGMA user_version</c> (<see cref="SchemaVersion"/>). An object is safe to use
/// from several threads: calls are serialised.</para>
/// </remarks>
public sealed class ScreeningProject : IDisposable
{
    /// <summary>The version of the project file's schema this library writes and reads.</summary>
    public const int SchemaVersion = ProjectSchema.Version;

    /// <summary>The longest screener name, exclusion reason and note accepted, in characters.</summary>
    public const int MaxNameLength = 100, MaxReasonLength = 500, MaxNoteLength = 10_000;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _positions;

    private ScreeningProject(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        var settings = Query("SELECT key, value FROM project", r => (Key: r.GetString(0), Value: r.GetString(1))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Created = settings.TryGetValue("created", out string? created) ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : default;
        Criteria = settings.GetValueOrDefault("criteria");
        SearchTerms = settings.TryGetValue("search_terms", out string? terms) ? [.. JsonSerializer.Deserialize<string[]>(terms) ?? []] : [];
        Records = [.. Query("SELECT id, title, abstract, authors, year, journal, doi, keywords, url, database, label, file, line FROM records ORDER BY position", ReadRecord)];
        Sources = [.. Query("SELECT file, database, records FROM sources ORDER BY position", r => new RecordSource(r.GetString(0), Text(r, 1), r.GetInt32(2)))];
        DuplicatesRemoved = Query("SELECT count(*) FROM duplicates", r => r.GetInt32(0)).Single();
        _positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Records.Length; i++) _positions[Records[i].Id] = i;
    }

    /// <summary>The project file.</summary>
    public string Path { get; }

    /// <summary>When the project was created (UTC).</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The review's inclusion criteria, shown to screeners beside each record, or null.</summary>
    public string? Criteria { get; }

    /// <summary>The search terms highlighted in records.</summary>
    public ImmutableArray<string> SearchTerms { get; }

    /// <summary>The records to screen, duplicates removed, in import order. Ids are the files' own; where two files use
    /// the same id, each such record's id is prefixed with its file's name ("scopus.ris:12").</summary>
    public ImmutableArray<Record> Records { get; }

    /// <summary>The files imported, with the records read from each: PRISMA's "records identified".</summary>
    public ImmutableArray<RecordSource> Sources { get; }

    /// <summary>Records removed as duplicates of a record kept.</summary>
    public int DuplicatesRemoved { get; }

    /// <summary>The record with an id, or null.</summary>
    public Record? FindRecord(string id) => id is not null && _positions.TryGetValue(id, out int i) ? Records[i] : null;

    /// <summary>The position of a record in <see cref="Records"/>, or −1.</summary>
    public int IndexOf(string id) => id is not null && _positions.TryGetValue(id, out int i) ? i : -1;

    /// <summary>Creates a project file from imported records, removing duplicates (DOI, title and year, near-identical
    /// title and abstract).</summary>
    /// <param name="path">The project file to create; it must not exist.</param>
    /// <param name="imports">The imported files, each valid.</param>
    /// <param name="criteria">The review's inclusion criteria, or null.</param>
    /// <param name="searchTerms">Terms to highlight, or null.</param>
    /// <exception cref="ScreeningProjectException">The file exists, an import has errors, or no record remains.</exception>
    public static ScreeningProject Create(string path, IEnumerable<RecordImport> imports, string? criteria = null, IEnumerable<string>? searchTerms = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(imports);
        var files = imports.ToList();
        if (File.Exists(path)) throw new ScreeningProjectException(ProjectProblem.InvalidValue, $"{path} already exists; a new project needs a new file.");
        if (files.FirstOrDefault(f => !f.IsValid) is { } invalid)
            throw new ScreeningProjectException(ProjectProblem.InvalidValue, $"{invalid.File} has errors; fix them before creating the project.");
        var all = files.SelectMany(f => f.Records).ToList();
        if (all.Count == 0) throw new ScreeningProjectException(ProjectProblem.InvalidValue, "The files hold no records to screen.");
        var deduplicated = RecordDeduplication.Deduplicate(all);
        var ids = UniqueIds(deduplicated.Records);

        var connection = Connect(path, SqliteOpenMode.ReadWriteCreate);
        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL");
            using (var transaction = connection.BeginTransaction())
            {
                Execute(connection, ProjectSchema.Create);
                Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id={ProjectSchema.ApplicationId}"));
                Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version={ProjectSchema.Version}"));
                void Setting(string key, string? value)
                {
                    if (value is not null) Execute(connection, "INSERT INTO project (key, value) VALUES ($k, $v)", ("$k", key), ("$v", value));
                }
                Setting("created", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                Setting("library", "Evidence.Analytics.ScreeningProjects " + (typeof(ScreeningProject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0"));
                Setting("criteria", string.IsNullOrWhiteSpace(criteria) ? null : criteria.Trim());
                string[] terms = [.. (searchTerms ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
                Setting("search_terms", JsonSerializer.Serialize(terms));
                int position = 0;
                foreach (var file in files)
                {
                    string? database = file.Records.Where(r => r.Database is not null).GroupBy(r => r.Database!, StringComparer.OrdinalIgnoreCase)
                        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
                    Execute(connection, "INSERT INTO sources VALUES ($p, $f, $d, $n)", ("$p", ++position), ("$f", file.File), ("$d", database), ("$n", file.Records.Length));
                }
                using (var insert = connection.CreateCommand())
                {
                    insert.CommandText = "INSERT INTO records VALUES ($position, $id, $title, $abstract, $authors, $year, $journal, $doi, $keywords, $url, $database, $label, $file, $line)";
                    string[] names = ["$position", "$id", "$title", "$abstract", "$authors", "$year", "$journal", "$doi", "$keywords", "$url", "$database", "$label", "$file", "$line"];
                    foreach (string name in names) insert.Parameters.Add(new SqliteParameter { ParameterName = name });
                    insert.Prepare();
                    for (int i = 0; i < deduplicated.Records.Length; i++)
                    {
                        var r = deduplicated.Records[i];
                        object?[] values = [i + 1, ids[i], r.Title, r.Abstract, JsonSerializer.Serialize(r.Authors.ToArray()), r.Year, r.Journal, r.Doi,
                            JsonSerializer.Serialize(r.Keywords.ToArray()), r.Url, r.Database, r.Included is { } l ? (l ? 1 : 0) : null, r.File, r.Line];
                        for (int k = 0; k < values.Length; k++) insert.Parameters[k].Value = values[k] ?? DBNull.Value;
                        insert.ExecuteNonQuery();
                    }
                }
                var kept = new Dictionary<Record, string>(ReferenceEqualityComparer.Instance);
                for (int i = 0; i < deduplicated.Records.Length; i++) kept[deduplicated.Records[i]] = ids[i];
                position = 0;
                foreach (var group in deduplicated.Groups)
                {
                    foreach (var duplicate in group.Duplicates)
                        Execute(connection, "INSERT INTO duplicates VALUES ($p, $k, $r, $t, $f, $l)", ("$p", ++position), ("$k", kept[group.Kept]),
                            ("$r", group.Reason switch { DuplicateReason.Doi => "doi", DuplicateReason.TitleAndYear => "title+year", _ => "title+abstract" }),
                            ("$t", duplicate.Title), ("$f", duplicate.File), ("$l", duplicate.Line));
                }
                transaction.Commit();
            }
            return new ScreeningProject(System.IO.Path.GetFullPath(path), connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing project file.</summary>
    /// <exception cref="ScreeningProjectException">There is no such file, or it is not a screening project this version reads.</exception>
    public static ScreeningProject Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new ScreeningProjectException(ProjectProblem.NotAProject, $"There is no screening project '{path}'; create one with `evidence screen new`.");
        SqliteConnection? connection = null;
        try
        {
            connection = Connect(path, SqliteOpenMode.ReadWrite);
            long application = Query(connection, "PRAGMA application_id", r => r.GetInt64(0)).Single();
            long version = Query(connection, "PRAGMA user_version", r => r.GetInt64(0)).Single();
            if (application != ProjectSchema.ApplicationId)
                throw new ScreeningProjectException(ProjectProblem.NotAProject, $"{path} is not a screening project (an SQLite file of another application).");
            if (version > ProjectSchema.Version)
                throw new ScreeningProjectException(ProjectProblem.NotAProject, string.Create(CultureInfo.InvariantCulture,
                    $"{path} is a screening project of schema version {version}, written by a newer version of Evidence.Analytics; this version reads version {ProjectSchema.Version}. Update the tool."));
            if (version < 1) throw new ScreeningProjectException(ProjectProblem.NotAProject, $"{path} is not a complete screening project (no schema version).");
            Execute(connection, "PRAGMA journal_mode=WAL");
            return new ScreeningProject(System.IO.Path.GetFullPath(path), connection);
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw new ScreeningProjectException(ProjectProblem.NotAProject, $"{path} is not a readable screening project ({e.Message}).", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>The screeners, in the order they first recorded something.</summary>
    public ImmutableArray<string> Screeners => Locked(() => Query("SELECT name FROM screeners ORDER BY rowid", r => r.GetString(0)).ToImmutableArray());

    /// <summary>The whole decision history, in order (read afresh: other processes may have added to it).</summary>
    public ImmutableArray<ScreeningEvent> Events => Locked(() => Query("SELECT sequence, time, screener, kind, record_id, decision, note, reason, screener_sequence, undoes FROM events ORDER BY sequence", ReadEvent).ToImmutableArray());

    /// <summary>The decisions as they stand now: each screener's, with undone ones withdrawn, and the resolutions.</summary>
    public ProjectDecisions Decisions() => new(this, Events);

    /// <summary>The sequence number the screener's next decision or undo must carry (1 for a new screener).</summary>
    public long NextSequence(string screener)
    {
        string name = CheckName(screener);
        return Locked(() => NextSequenceOf(name, _connection));
    }

    /// <summary>Records a screener's decision on a record, durably, and returns the event.</summary>
    /// <param name="screener">The screener's name (added to <see cref="Screeners"/> on first use).</param>
    /// <param name="recordId">The record.</param>
    /// <param name="choice">Include, exclude or maybe.</param>
    /// <param name="sequence">The screener's sequence number for this event (<see cref="NextSequence"/>).</param>
    /// <param name="note">A note, or null.</param>
    /// <param name="exclusionReason">Why the record is excluded, or null.</param>
    /// <exception cref="ScreeningProjectException">The record is unknown, the sequence number is not the next one, or a
    /// value is not acceptable.</exception>
    public ScreeningEvent Decide(string screener, string recordId, ScreeningChoice choice, long sequence, string? note = null, string? exclusionReason = null)
    {
        string name = CheckName(screener);
        CheckRecord(recordId);
        if (!Enum.IsDefined(choice)) throw new ScreeningProjectException(ProjectProblem.InvalidValue, "The decision must be include, exclude or maybe.");
        note = CheckText(note, MaxNoteLength, "note");
        exclusionReason = CheckText(exclusionReason, MaxReasonLength, "exclusion reason");
        return Append(name, sequence, ScreeningEventKind.Decision, recordId, choice, note, exclusionReason, null);
    }

    /// <summary>Withdraws the screener's latest decision still standing, by appending an undo event that names it.</summary>
    /// <exception cref="ScreeningProjectException">The sequence number is not the next one, or nothing is left to undo.</exception>
    public ScreeningEvent Undo(string screener, long sequence)
    {
        string name = CheckName(screener);
        return Append(name, sequence, ScreeningEventKind.Undo, null, null, null, null, null);
    }

    /// <summary>Records the decision agreed for a record (a conflict's resolution); the latest resolution of a record stands.</summary>
    /// <exception cref="ScreeningProjectException">The record is unknown, the decision is maybe, or a value is not acceptable.</exception>
    public ScreeningEvent Resolve(string screener, string recordId, ScreeningChoice choice, string? note = null)
    {
        string name = CheckName(screener);
        CheckRecord(recordId);
        if (choice is not (ScreeningChoice.Include or ScreeningChoice.Exclude))
            throw new ScreeningProjectException(ProjectProblem.InvalidValue, "A resolution must be include or exclude.");
        return Append(name, null, ScreeningEventKind.Resolution, recordId, choice, CheckText(note, MaxNoteLength, "note"), null, null);
    }

    /// <summary>Records a model run (its parameters, the decisions it learnt from, its time).</summary>
    public void RecordModelRun(ModelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Locked(() => Execute(_connection, "INSERT INTO model_runs (time, screener, model, parameters, labelled, included, milliseconds) VALUES ($t, $s, $m, $p, $l, $i, $ms)",
            ("$t", run.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("$s", run.Screener), ("$m", run.Model),
            ("$p", JsonSerializer.Serialize(run.Parameters)), ("$l", run.Labelled), ("$i", run.Included), ("$ms", run.Milliseconds)));
    }

    /// <summary>The model runs, in order.</summary>
    public ImmutableArray<ModelRun> ModelRuns => Locked(() => Query("SELECT time, screener, model, parameters, labelled, included, milliseconds FROM model_runs ORDER BY id",
        r => new ModelRun(Time(r.GetString(0)), r.GetString(1), r.GetString(2),
            (JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(3)) ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal),
            r.GetInt32(4), r.GetInt32(5), r.GetDouble(6))).ToImmutableArray());

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        lock (_gate) _connection.Dispose();
    }

    private ScreeningEvent Append(string screener, long? sequence, ScreeningEventKind kind, string? recordId, ScreeningChoice? choice, string? note, string? reason, long? undoes)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            if (sequence is { } expected)
            {
                long next = NextSequenceOf(screener, _connection);
                if (expected != next)
                    throw new ScreeningProjectException(ProjectProblem.OutOfSequence, string.Create(CultureInfo.InvariantCulture,
                        $"{screener}'s request number {expected} is {(expected < next ? "already recorded (sent twice?)" : "out of order")}; the next is {next}. Reload to see the decisions as recorded."));
            }
            if (kind == ScreeningEventKind.Undo)
            {
                var standing = ProjectDecisions.StandingOf(Query(_connection, "SELECT sequence, time, screener, kind, record_id, decision, note, reason, screener_sequence, undoes FROM events WHERE screener = $s ORDER BY sequence", ReadEvent, ("$s", screener)));
                if (standing.Count == 0) throw new ScreeningProjectException(ProjectProblem.NothingToUndo, $"{screener} has no decision to undo.");
                undoes = standing[^1].Sequence;
                recordId = standing[^1].RecordId;
            }
            string time = DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            Execute(_connection, "INSERT OR IGNORE INTO screeners (name, added) VALUES ($s, $t)", ("$s", screener), ("$t", time));
            long id = Query(_connection, "INSERT INTO events (time, screener, kind, record_id, decision, note, reason, screener_sequence, undoes) VALUES ($t, $s, $k, $r, $d, $n, $x, $q, $u) RETURNING sequence",
                r => r.GetInt64(0), ("$t", time), ("$s", screener), ("$k", KindName(kind)), ("$r", recordId), ("$d", choice is { } c ? ChoiceName(c) : null),
                ("$n", note), ("$x", reason), ("$q", sequence), ("$u", undoes)).Single();
            transaction.Commit();
            return new ScreeningEvent(id, Time(time), screener, kind, recordId!, choice, note, reason, sequence, undoes);
        }
    }

    private static long NextSequenceOf(string screener, SqliteConnection connection) =>
        Query(connection, "SELECT coalesce(max(screener_sequence), 0) + 1 FROM events WHERE screener = $s", r => r.GetInt64(0), ("$s", screener)).Single();

    private void CheckRecord(string recordId)
    {
        if (FindRecord(recordId) is null)
            throw new ScreeningProjectException(ProjectProblem.UnknownRecord, $"The project has no record '{Shorten(recordId ?? "")}'.");
    }

    internal static string CheckName(string? screener)
    {
        string name = screener?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
            throw new ScreeningProjectException(ProjectProblem.InvalidValue, string.Create(CultureInfo.InvariantCulture,
                $"A screener's name must be 1 to {MaxNameLength} characters without control characters; '{Shorten(name)}' is not."));
        return name;
    }

    private static string? CheckText(string? text, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length > max) throw new ScreeningProjectException(ProjectProblem.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"The {what} is {text.Length:N0} characters; at most {max:N0} are kept."));
        return text;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>Each kept record's id: its own, or, where two records share it, prefixed with its file.</summary>
    private static string[] UniqueIds(ImmutableArray<Record> records)
    {
        var counts = records.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ids = new string[records.Length];
        for (int i = 0; i < records.Length; i++)
        {
            var r = records[i];
            string id = counts[r.Id] == 1 ? r.Id : $"{r.File}:{r.Id}";
            for (int k = 2; !used.Add(id); k++) id = string.Create(CultureInfo.InvariantCulture, $"{r.File}:{r.Id}#{k}");
            ids[i] = id;
        }
        return ids;
    }

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30, // seconds a writer waits for another's transaction
            ForeignKeys = true,
        }.ToString());
        connection.Open();
        // FULL: a transaction's commit is on the disk (the WAL synced) before Commit returns.
        Execute(connection, "PRAGMA synchronous=FULL");
        return connection;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate) return read();
    }

    private void Locked(Action write)
    {
        lock (_gate) write();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read) => Locked(() => Query(_connection, sql, read));

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static Record ReadRecord(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Title = Text(r, 1),
        Abstract = Text(r, 2),
        Authors = [.. JsonSerializer.Deserialize<string[]>(r.GetString(3)) ?? []],
        Year = r.IsDBNull(4) ? null : r.GetInt32(4),
        Journal = Text(r, 5),
        Doi = Text(r, 6),
        Keywords = [.. JsonSerializer.Deserialize<string[]>(r.GetString(7)) ?? []],
        Url = Text(r, 8),
        Database = Text(r, 9),
        Included = r.IsDBNull(10) ? null : r.GetInt64(10) != 0,
        File = Text(r, 11),
        Line = r.GetInt32(12),
    };

    private static ScreeningEvent ReadEvent(SqliteDataReader r) => new(
        r.GetInt64(0), Time(r.GetString(1)), r.GetString(2),
        r.GetString(3) switch { "decision" => ScreeningEventKind.Decision, "undo" => ScreeningEventKind.Undo, _ => ScreeningEventKind.Resolution },
        r.GetString(4), r.IsDBNull(5) ? null : ParseChoice(r.GetString(5)), Text(r, 6), Text(r, 7),
        r.IsDBNull(8) ? null : r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9));

    internal static string KindName(ScreeningEventKind kind) => kind switch
    {
        ScreeningEventKind.Decision => "decision",
        ScreeningEventKind.Undo => "undo",
        _ => "resolution",
    };

    /// <summary>"include", "exclude" or "maybe".</summary>
    internal static string ChoiceName(ScreeningChoice choice) => choice switch
    {
        ScreeningChoice.Include => "include",
        ScreeningChoice.Exclude => "exclude",
        _ => "maybe",
    };

    internal static ScreeningChoice? ParseChoice(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "include" => ScreeningChoice.Include,
        "exclude" => ScreeningChoice.Exclude,
        "maybe" => ScreeningChoice.Maybe,
        _ => null,
    };
}
