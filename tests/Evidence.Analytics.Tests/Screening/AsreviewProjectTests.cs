using System.IO.Compression;
using System.Text;
using Evidence.Analytics.Asreview;
using Microsoft.Data.Sqlite;

namespace Evidence.Analytics.Tests.Screening;

/// <summary>ASReview project files. Expected counts were worked out on a copy of the fixture in /tmp with python3's
/// sqlite3 module: <c>SELECT count(*), sum(label=1), sum(label=0), sum(label IS NULL), sum(training_set IS NULL) FROM
/// results</c> → 24, 9, 14, 1, 3; <c>SELECT record_id, label FROM results ORDER BY rowid</c> starts (69, 1), (95, 0),
/// (72, 0), (79, 1) and ends (31, NULL); the record table has 100 rows, 10 with included = 1 (as the reference file says).</summary>
public sealed class AsreviewProjectTests
{
    private const string Fixture = "asreview-fixtures/asreview-demo-project.asreview";

    [DatasetFact(Fixture)]
    public void Read_DemoProject_RecordsAndDecisionsInScreeningOrder()
    {
        var project = AsreviewProject.Read(SharedDatasets.PathOf(Fixture));

        Assert.True(project.IsValid, string.Join("\n", project.Problems));
        Assert.Equal("asreview-demo-project", project.Name);
        Assert.Equal(100, project.Records.Length);
        Assert.Equal(10, project.Records.Count(r => r.Included == true));
        Assert.Equal(24, project.Decisions.Length);
        Assert.Equal(9, project.Decisions.Count(d => d.Relevant == true));
        Assert.Equal(14, project.Decisions.Count(d => d.Relevant == false));
        Assert.Equal(1, project.Decisions.Count(d => d.Relevant is null));
        Assert.Equal(3, project.Decisions.Count(d => d.IsPrior));
        Assert.Equal(["69", "95", "72", "79"], project.Decisions.Take(4).Select(d => d.RecordId));
        Assert.Equal([true, false, false, true], project.Decisions.Take(4).Select(d => d.Relevant));
        Assert.Equal(Enumerable.Range(1, 24), project.Decisions.Select(d => d.Position));
        Assert.True(project.Decisions.Take(3).All(d => d.IsPrior && d.Query == "random"));
        Assert.Equal(("31", null, "svm"), (project.Decisions[^1].RecordId, project.Decisions[^1].Relevant, project.Decisions[^1].Classifier));
    }

    [DatasetFact(Fixture)]
    public void Read_DemoProject_RecordsMatchTheProjectsDataFile()
    {
        // The project's own input file, read by the CSV reader: record_id n is the file's data row n (0-based).
        using var zip = ZipFile.OpenRead(SharedDatasets.PathOf(Fixture));
        using var data = new MemoryStream();
        using (var entry = zip.GetEntry("data/demo_data.csv")!.Open()) entry.CopyTo(data);
        data.Position = 0;
        var table = RecordFile.Read(data, "demo_data.csv").GetRecordsOrThrow();

        var project = AsreviewProject.Read(SharedDatasets.PathOf(Fixture));

        Assert.Equal(table.Length, project.Records.Length);
        Assert.Equal(table.Select(r => (r.Title, r.Abstract, r.Included)), project.Records.Select(r => (r.Title, r.Abstract, r.Included)));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), project.Records.Select(r => r.Id));
    }

    [DatasetFact(Fixture)]
    public void Read_LabelNeitherZeroNorOne_IsLocatedByPartRowColumnAndValue()
    {
        var damaged = Rewrite(database: sqlite => Execute(sqlite, "UPDATE results SET label = 2 WHERE rowid = 5"));

        var project = AsreviewProject.Read(damaged, "damaged.asreview");

        var problem = Assert.Single(project.Problems);
        Assert.Equal((ProblemKind.InvalidValue, "damaged.asreview", "results.db: results", 5, "label", "2"),
            (problem.Kind, problem.File, problem.Sheet, problem.Row, problem.Column, problem.Value));
        Assert.Equal(23, project.Decisions.Length);
    }

    [DatasetFact(Fixture)]
    public void Read_DecisionOnUnknownRecord_IsAnUnknownReference()
    {
        var damaged = Rewrite(database: sqlite => Execute(sqlite, "UPDATE results SET record_id = 500 WHERE rowid = 2"));

        var problem = Assert.Single(AsreviewProject.Read(damaged, "damaged.asreview").Problems);

        Assert.Equal((ProblemKind.UnknownReference, 2, "record_id", "500"), (problem.Kind, problem.Row, problem.Column, problem.Value));
    }

    [DatasetFact(Fixture)]
    public void Read_MissingTable_IsAMissingSheetProblem()
    {
        var damaged = Rewrite(database: sqlite => Execute(sqlite, "DROP TABLE results"));

        var problem = Assert.Single(AsreviewProject.Read(damaged, "damaged.asreview").Problems);

        Assert.Equal((ProblemKind.MissingSheet, "results.db: results"), (problem.Kind, problem.Sheet));
    }

    [DatasetFact(Fixture)]
    public void Read_OlderProjectVersion_IsRefusedNamingTheVersion()
    {
        var damaged = Rewrite(project: json => json.Replace("\"project_file_version\": 3", "\"project_file_version\": 2", StringComparison.Ordinal));

        var problem = Assert.Single(AsreviewProject.Read(damaged, "old.asreview").Problems);

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Contains("project_file_version 2", problem.Message, StringComparison.Ordinal);
    }

    [DatasetFact(Fixture)]
    public void Read_TruncatedFile_IsOneUnreadableFileProblem()
    {
        byte[] bytes = File.ReadAllBytes(SharedDatasets.PathOf(Fixture));

        var problem = Assert.Single(AsreviewProject.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "cut.asreview").Problems);

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Contains("zip directory", problem.Message, StringComparison.Ordinal);
    }

    [DatasetFact(Fixture)]
    public void Read_ResultsDatabaseChangedAfterZipping_IsRefusedAsDamaged()
    {
        // results.db stored uncompressed, then one byte of its content flipped: only the CRC-32 can tell.
        var project = Rewrite(storeDatabase: true);
        byte[] bytes = project.ToArray();
        int at = IndexOf(bytes, "SQLite format 3"u8) + 200;
        bytes[at] ^= 0x01;

        var problem = Assert.Single(AsreviewProject.Read(new MemoryStream(bytes), "flipped.asreview").Problems);

        Assert.Equal(ProblemKind.UnreadableFile, problem.Kind);
        Assert.Contains("part results.db is damaged (checksum mismatch)", problem.Message, StringComparison.Ordinal);
    }

    [DatasetFact(Fixture)]
    public void Read_OverTheSizeLimit_IsTooLarge()
    {
        var options = new ImportOptions { MaxUncompressedBytes = 100_000 };

        var problem = Assert.Single(AsreviewProject.Read(SharedDatasets.PathOf(Fixture), options).Problems);

        Assert.Equal(ProblemKind.TooLarge, problem.Kind);
    }

    private static void Execute(SqliteConnection sqlite, string sql)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value) => bytes.AsSpan().IndexOf(value);

    /// <summary>A copy of the fixture with project.json and results.db changed.</summary>
    private static MemoryStream Rewrite(Func<string, string>? project = null, Action<SqliteConnection>? database = null, bool storeDatabase = false)
    {
        string folder = Directory.CreateTempSubdirectory("asreview-test-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(SharedDatasets.PathOf(Fixture), folder);
            if (project is not null)
            {
                string path = Path.Combine(folder, "project.json");
                File.WriteAllText(path, project(File.ReadAllText(path)));
            }
            if (database is not null)
            {
                using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "results.db"), Pooling = false }.ToString());
                sqlite.Open();
                database(sqlite);
            }
            var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    string name = Path.GetRelativePath(folder, file).Replace('\\', '/');
                    var level = storeDatabase && name == "results.db" ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                    zip.CreateEntryFromFile(file, name, level);
                }
            }
            output.Position = 0;
            return output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
