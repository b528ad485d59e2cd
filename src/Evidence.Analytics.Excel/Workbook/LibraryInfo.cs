using System.Reflection;

namespace Evidence.Analytics.Excel.Workbook;

/// <summary>The library's name and version, as shown in the workbooks it writes.</summary>
internal static class LibraryInfo
{
    /// <summary>The version without build metadata ("0.1.0").</summary>
    public static string Version { get; } =
        (typeof(LibraryInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>"Evidence.Analytics 0.1.0".</summary>
    public static string NameAndVersion => "Evidence.Analytics " + Version;
}
