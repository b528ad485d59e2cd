namespace Evidence.Analytics.ScreeningProjects;

/// <summary>The project file's SQL schema, version <see cref="Version"/> (kept in <c>PRAGMA user_version</c>; README's
/// "Screening projects" section documents it table by table).</summary>
internal static class ProjectSchema
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The application id in the file's header (<c>PRAGMA application_id</c>): "EvSP" in ASCII, so that a
    /// project is told from any other SQLite file.</summary>
    public const int ApplicationId = 0x45765350;

    public const string Create = """
        CREATE TABLE project (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        CREATE TABLE sources (
          position INTEGER PRIMARY KEY,
          file     TEXT NOT NULL,
          database TEXT,
          records  INTEGER NOT NULL
        );
        CREATE TABLE records (
          position INTEGER PRIMARY KEY,
          id       TEXT NOT NULL UNIQUE,
          title    TEXT,
          abstract TEXT,
          authors  TEXT NOT NULL,
          year     INTEGER,
          journal  TEXT,
          doi      TEXT,
          keywords TEXT NOT NULL,
          url      TEXT,
          database TEXT,
          label    INTEGER,
          file     TEXT,
          line     INTEGER NOT NULL
        );
        CREATE TABLE duplicates (
          position INTEGER PRIMARY KEY,
          kept_id  TEXT NOT NULL REFERENCES records(id),
          reason   TEXT NOT NULL CHECK (reason IN ('doi', 'title+year', 'title+abstract')),
          title    TEXT,
          file     TEXT,
          line     INTEGER NOT NULL
        );
        CREATE TABLE screeners (
          name  TEXT PRIMARY KEY,
          added TEXT NOT NULL
        );
        CREATE TABLE events (
          sequence          INTEGER PRIMARY KEY AUTOINCREMENT,
          time              TEXT NOT NULL,
          screener          TEXT NOT NULL REFERENCES screeners(name),
          kind              TEXT NOT NULL CHECK (kind IN ('decision', 'undo', 'resolution')),
          record_id         TEXT NOT NULL REFERENCES records(id),
          decision          TEXT CHECK (decision IN ('include', 'exclude', 'maybe')),
          note              TEXT,
          reason            TEXT,
          screener_sequence INTEGER,
          undoes            INTEGER REFERENCES events(sequence),
          UNIQUE (screener, screener_sequence)
        );
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'screening events are append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'screening events are append-only'); END;
        CREATE TABLE model_runs (
          id           INTEGER PRIMARY KEY AUTOINCREMENT,
          time         TEXT NOT NULL,
          screener     TEXT NOT NULL,
          model        TEXT NOT NULL,
          parameters   TEXT NOT NULL,
          labelled     INTEGER NOT NULL,
          included     INTEGER NOT NULL,
          milliseconds REAL NOT NULL
        );
        """;
}
