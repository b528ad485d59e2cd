using Evidence.Analytics.ScreeningProjects;
using Microsoft.Data.Sqlite;

namespace Evidence.Analytics.Tests.ScreeningProjects;

public sealed class ScreeningProjectTests : IDisposable
{
    private readonly ProjectFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Create_RemovesDuplicatesAndKeepsEachSourcesCount()
    {
        string first = _files.Records(6, "a.csv");
        // The second file repeats records 1–3 of the first (same DOIs) and adds nothing new: 9 identified, 3 duplicates.
        File.WriteAllLines(_files.PathOf("b.csv"), File.ReadAllLines(first).Take(4).Select((l, i) => i == 0 ? l : "s" + l[1..]));
        using var project = ScreeningProject.Create(_files.PathOf("p.screening"), [RecordFile.Read(first), RecordFile.Read(_files.PathOf("b.csv"))]);

        Assert.Equal(6, project.Records.Length);
        Assert.Equal(3, project.DuplicatesRemoved);
        Assert.Equal([("a.csv", 6), ("b.csv", 3)], project.Sources.Select(s => (s.File, s.Records)));
        Assert.Equal(["Smith J", "Doe A"], project.Records[0].Authors.ToArray());
        Assert.Equal(ScreeningProject.SchemaVersion, Pragma(project.Path, "user_version"));
    }

    [Fact]
    public void Create_SameIdInTwoFiles_PrefixesTheFileName()
    {
        string a = _files.Records(2, "a.csv");
        File.WriteAllText(_files.PathOf("b.csv"), "record_id,title,abstract\nr1,Something else entirely,Different text\n");
        using var project = ScreeningProject.Create(_files.PathOf("p.screening"), [RecordFile.Read(a), RecordFile.Read(_files.PathOf("b.csv"))]);

        Assert.Equal(["a.csv:r1", "r2", "b.csv:r1"], project.Records.Select(r => r.Id));
    }

    [Fact]
    public void Create_ExistingFile_IsRefused()
    {
        using (_files.Project(3)) { }
        var e = Assert.Throws<ScreeningProjectException>(() => _files.Project(3));
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_IsANewEvent_AndTheEarlierDecisionOnTheRecordStandsAgain()
    {
        using var project = _files.Project(5);
        project.Decide("Anna", "r1", ScreeningChoice.Exclude, 1, exclusionReason: "wrong population");
        project.Decide("Anna", "r2", ScreeningChoice.Include, 2, note: "RCT");
        project.Decide("Anna", "r1", ScreeningChoice.Include, 3);
        var undo = project.Undo("Anna", 4);

        Assert.Equal(ScreeningEventKind.Undo, undo.Kind);
        Assert.Equal((3L, "r1"), (undo.Undoes!.Value, undo.RecordId));
        Assert.Equal([1L, 2, 3, 4], project.Events.Select(e => e.Sequence));
        var decisions = project.Decisions();
        Assert.Equal(ScreeningChoice.Exclude, decisions.ChoiceOf("Anna", "r1"));
        Assert.Equal(["r1", "r2"], decisions.Of("Anna").Select(e => e.RecordId));
        Assert.Equal("wrong population", decisions.Of("Anna")[0].ExclusionReason);

        // Two more undos withdraw r2, then r1; a fourth has nothing left.
        project.Undo("Anna", 5);
        project.Undo("Anna", 6);
        Assert.Empty(project.Decisions().Of("Anna"));
        Assert.Equal(ProjectProblem.NothingToUndo, Assert.Throws<ScreeningProjectException>(() => project.Undo("Anna", 7)).Problem);
        Assert.Equal(6, project.Events.Length);
    }

    [Fact]
    public void Decide_ReplayedOrOutOfOrderSequence_IsRefusedAndNothingIsRecorded()
    {
        using var project = _files.Project(3);
        project.Decide("Anna", "r1", ScreeningChoice.Include, 1);

        var replayed = Assert.Throws<ScreeningProjectException>(() => project.Decide("Anna", "r1", ScreeningChoice.Include, 1));
        var skipped = Assert.Throws<ScreeningProjectException>(() => project.Decide("Anna", "r2", ScreeningChoice.Include, 5));

        Assert.Equal((ProjectProblem.OutOfSequence, ProjectProblem.OutOfSequence), (replayed.Problem, skipped.Problem));
        Assert.Contains("the next is 2", replayed.Message, StringComparison.Ordinal);
        Assert.Single(project.Events);
        // Each screener counts on their own.
        Assert.Equal(1, project.NextSequence("Ben"));
    }

    [Fact]
    public void Decide_UnknownRecordOrBlankScreener_IsRefused()
    {
        using var project = _files.Project(3);
        Assert.Equal(ProjectProblem.UnknownRecord, Assert.Throws<ScreeningProjectException>(() => project.Decide("Anna", "r99", ScreeningChoice.Include, 1)).Problem);
        Assert.Equal(ProjectProblem.InvalidValue, Assert.Throws<ScreeningProjectException>(() => project.Decide(" ", "r1", ScreeningChoice.Include, 1)).Problem);
        Assert.Equal(ProjectProblem.InvalidValue, Assert.Throws<ScreeningProjectException>(() => project.Decide("Anna", "r1", (ScreeningChoice)7, 1)).Problem);
        Assert.Empty(project.Events);
    }

    [Fact]
    public void Decisions_AreThereAfterReopening()
    {
        string path;
        using (var project = _files.Project(4))
        {
            path = project.Path;
            project.Decide("Anna", "r1", ScreeningChoice.Include, 1, note: "note ✓");
            project.Decide("Ben", "r1", ScreeningChoice.Maybe, 1);
            project.RecordModelRun(new ModelRun(DateTimeOffset.UtcNow, "Anna", "elas_u4", ScreeningModel.ElasU4.Parameters, 2, 1, 12.5));
        }
        using var reopened = ScreeningProject.Open(path);

        Assert.Equal([("Anna", ScreeningChoice.Include, "note ✓"), ("Ben", ScreeningChoice.Maybe, null)],
            reopened.Events.Select(e => (e.Screener, e.Choice!.Value, e.Note)));
        Assert.Equal(["Anna", "Ben"], reopened.Screeners.ToArray());
        Assert.Equal("0.11", Assert.Single(reopened.ModelRuns).Parameters["classifier.C"]);
        Assert.Equal(4, reopened.Records.Length);
    }

    [Fact]
    public void Events_CannotBeChangedOrDeleted_EvenInTheFile()
    {
        string path;
        using (var project = _files.Project(2))
        {
            path = project.Path;
            project.Decide("Anna", "r1", ScreeningChoice.Include, 1);
        }
        using var sqlite = new SqliteConnection($"Data Source={path};Pooling=False");
        sqlite.Open();
        using var update = sqlite.CreateCommand();
        update.CommandText = "UPDATE events SET decision = 'exclude'";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => update.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        update.CommandText = "DELETE FROM events";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => update.ExecuteNonQuery()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoWriters_AtTheSameTime_LoseNothing()
    {
        string path;
        using (var project = _files.Project(200)) path = project.Path;
        using var first = ScreeningProject.Open(path);
        using var second = ScreeningProject.Open(path);

        // Each screener decides all 200 records through their own connection, at the same time.
        var anna = Task.Run(() => { for (int i = 1; i <= 200; i++) first.Decide("Anna", $"r{i}", ScreeningChoice.Exclude, i); });
        var ben = Task.Run(() => { for (int i = 1; i <= 200; i++) second.Decide("Ben", $"r{i}", i % 2 == 0 ? ScreeningChoice.Include : ScreeningChoice.Exclude, i); });
        await Task.WhenAll(anna, ben);

        var events = first.Events;
        Assert.Equal(400, events.Length);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long?)i), events.Where(e => e.Screener == "Ben").Select(e => e.ScreenerSequence));
        Assert.Equal(100, second.Decisions().Of("Ben").Count(e => e.Choice == ScreeningChoice.Include));
    }

    [Fact]
    public void Agreement_OnRecordsBothDecided_IsCohensKappaWorkedOutByHand()
    {
        using var project = _files.Project(12);
        // a = 3 both include (r1–r3), b = 1 Anna only (r4), c = 2 Ben only (r5, r6), d = 4 both exclude (r7–r10);
        // r11 is maybe for Ben (left out), r12 only Anna decided (left out).
        string[] anna = ["i", "i", "i", "i", "e", "e", "e", "e", "e", "e", "e", "i"];
        string[] ben = ["i", "i", "i", "e", "i", "i", "e", "e", "e", "e", "m"];
        static ScreeningChoice Of(string c) => c switch { "i" => ScreeningChoice.Include, "e" => ScreeningChoice.Exclude, _ => ScreeningChoice.Maybe };
        for (int i = 0; i < anna.Length; i++) project.Decide("Anna", $"r{i + 1}", Of(anna[i]), i + 1);
        for (int i = 0; i < ben.Length; i++) project.Decide("Ben", $"r{i + 1}", Of(ben[i]), i + 1);

        var agreement = project.Decisions().Agreement("Anna", "Ben")!;

        // N = 10; p_o = 7/10; Anna includes 4/10, Ben 5/10: p_e = 0.4·0.5 + 0.6·0.5 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        Assert.Equal((3, 1, 2, 4), (agreement.BothInclude, agreement.FirstIncludesOnly, agreement.SecondIncludesOnly, agreement.BothExclude));
        Assert.Equal(0.4, agreement.Kappa!.Value, 12);
        Assert.Equal(0.4, agreement.Pabak, 12); // 2·0.7 − 1
        // Conflicts: r4, r5, r6 and r11 (maybe against exclude).
        Assert.Equal(["r4", "r5", "r6", "r11"], project.Decisions().Conflicts("Anna", "Ben").Select(c => c.RecordId));
    }

    [Fact]
    public void Resolve_SettlesAConflict_AndTheFinalDecisionFollowsIt()
    {
        using var project = _files.Project(3);
        project.Decide("Anna", "r1", ScreeningChoice.Include, 1);
        project.Decide("Ben", "r1", ScreeningChoice.Exclude, 1);
        project.Decide("Anna", "r2", ScreeningChoice.Include, 2);
        project.Decide("Ben", "r2", ScreeningChoice.Include, 2);
        Assert.Null(project.Decisions().Final("r1"));

        project.Resolve("Anna", "r1", ScreeningChoice.Exclude, "agreed: not postpartum");

        var decisions = project.Decisions();
        Assert.Equal(ScreeningChoice.Exclude, decisions.Final("r1"));
        Assert.Equal("agreed: not postpartum", Assert.Single(decisions.Conflicts("Anna", "Ben")).Resolution!.Note);
        Assert.Equal(["r2"], decisions.Included.Select(r => r.Id));
        Assert.Equal(ProjectProblem.InvalidValue, Assert.Throws<ScreeningProjectException>(() => project.Resolve("Anna", "r1", ScreeningChoice.Maybe)).Problem);
    }

    [Fact]
    public void Open_AnotherSqliteFileOrANewerSchema_IsRefusedWithAMessage()
    {
        string other = _files.PathOf("other.db");
        using (var sqlite = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            sqlite.Open();
            using var command = sqlite.CreateCommand();
            command.CommandText = "CREATE TABLE t (x)";
            command.ExecuteNonQuery();
        }
        Assert.Contains("not a screening project", Assert.Throws<ScreeningProjectException>(() => ScreeningProject.Open(other)).Message, StringComparison.Ordinal);

        string path;
        using (var project = _files.Project(2)) path = project.Path;
        using (var sqlite = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            sqlite.Open();
            using var command = sqlite.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }
        var e = Assert.Throws<ScreeningProjectException>(() => ScreeningProject.Open(path));
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains(ProjectProblem.NotAProject.ToString(), e.Problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("There is no screening project", Assert.Throws<ScreeningProjectException>(() => ScreeningProject.Open(_files.PathOf("none.screening"))).Message, StringComparison.Ordinal);
    }

    private static long Pragma(string path, string name)
    {
        using var sqlite = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        sqlite.Open();
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)command.ExecuteScalar()!;
    }
}
