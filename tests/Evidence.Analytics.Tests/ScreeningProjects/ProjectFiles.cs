using System.Globalization;
using System.Text;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Tests.ScreeningProjects;

/// <summary>Temporary record files and projects for the screening-project tests; deleted on dispose.</summary>
internal sealed class ProjectFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("screening-project-").FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>A CSV of <paramref name="count"/> distinct records (ids r1, r2, …; every fifth about nudges, the rest about costs).</summary>
    public string Records(int count, string name = "records.csv")
    {
        var text = new StringBuilder("record_id,title,abstract,authors,year,journal,doi,keywords\n");
        for (int i = 1; i <= count; i++)
        {
            string title = i % 5 == 0 ? $"Nudging clinicians with defaults, trial {i}" : $"Hospital bed costs in region {i}";
            string body = i % 5 == 0 ? $"A randomised trial of default options (cohort {i})." : $"Costs per bed-day, survey {i}.";
            text.Append(CultureInfo.InvariantCulture, $"r{i},\"{title}\",\"{body}\",Smith J; Doe A,{2000 + i % 20},Journal {i % 3},10.1000/rec{i},nudge; cost\n");
        }
        string path = PathOf(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A new project of <paramref name="count"/> records.</summary>
    public ScreeningProject Project(int count, string name = "review.screening") =>
        ScreeningProject.Create(PathOf(name), [RecordFile.Read(Records(count, name + ".csv"))]);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
