using System.Globalization;
using System.Xml.Linq;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Cli;

/// <summary>The screening app's live recall chart: includes found against records screened, in the screener's order,
/// with the line random screening would follow at the same overall rate. Built as XML, so no record text can become markup.</summary>
internal static class ProgressChart
{
    private static readonly XNamespace Svg_ = "http://www.w3.org/2000/svg";

    public static string Svg(ScreeningProject project, IReadOnlyList<ScreeningEvent> standing)
    {
        const double width = 320, height = 200, left = 40, right = 10, top = 10, bottom = 30;
        int screened = standing.Count, found = standing.Count(e => e.Choice == ScreeningChoice.Include);
        double xMax = Math.Max(1, screened), yMax = Math.Max(1, found);
        string X(double v) => (left + v / xMax * (width - left - right)).ToString("0.##", CultureInfo.InvariantCulture);
        string Y(double v) => (height - bottom - v / yMax * (height - top - bottom)).ToString("0.##", CultureInfo.InvariantCulture);
        var points = new List<string> { X(0) + "," + Y(0) };
        int k = 0;
        for (int i = 0; i < standing.Count; i++)
        {
            if (standing[i].Choice == ScreeningChoice.Include) k++;
            points.Add(X(i + 1) + "," + Y(k));
        }
        var svg = new XElement(Svg_ + "svg", new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("role", "img"), new XAttribute("data-screened", screened), new XAttribute("data-included", found),
            new XElement(Svg_ + "title", string.Create(CultureInfo.InvariantCulture, $"{found:N0} included in {screened:N0} records screened of {project.Records.Length:N0}")),
            new XElement(Svg_ + "line", new XAttribute("x1", X(0)), new XAttribute("y1", Y(0)), new XAttribute("x2", X(xMax)), new XAttribute("y2", Y(0)), new XAttribute("stroke", "#222")),
            new XElement(Svg_ + "line", new XAttribute("x1", X(0)), new XAttribute("y1", Y(0)), new XAttribute("x2", X(0)), new XAttribute("y2", Y(yMax)), new XAttribute("stroke", "#222")),
            new XElement(Svg_ + "line", new XAttribute("class", "random"), new XAttribute("x1", X(0)), new XAttribute("y1", Y(0)), new XAttribute("x2", X(xMax)), new XAttribute("y2", Y(found)),
                new XAttribute("stroke", "#777"), new XAttribute("stroke-dasharray", "6 4")),
            new XElement(Svg_ + "polyline", new XAttribute("class", "model"), new XAttribute("points", string.Join(' ', points)), new XAttribute("fill", "none"),
                new XAttribute("stroke", "#0072B2"), new XAttribute("stroke-width", 2)),
            Label(left / 2, top + 10, found.ToString("N0", CultureInfo.InvariantCulture)),
            Label(width - right - 20, height - 8, screened.ToString("N0", CultureInfo.InvariantCulture)),
            Label(width / 2, height - 8, "records screened"));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Label(double x, double y, string text) =>
        new(Svg_ + "text", new XAttribute("x", x.ToString("0.##", CultureInfo.InvariantCulture)), new XAttribute("y", y.ToString("0.##", CultureInfo.InvariantCulture)),
            new XAttribute("font-size", 11), new XAttribute("text-anchor", "middle"), new XAttribute("font-family", "sans-serif"), text);
}
