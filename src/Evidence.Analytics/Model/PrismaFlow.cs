using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>A labelled count in a PRISMA flow: records from one source, or reports excluded for one reason.</summary>
/// <param name="Label">The source ("MEDLINE") or reason ("Not postpartum population").</param>
/// <param name="Count">The number of records or reports.</param>
public sealed partial record FlowCount(string Label, int Count)
{
    /// <summary>"MEDLINE: 4,210".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label}: {Count:N0}");
}

/// <summary>The PRISMA 2020 / PRISMA-ScR flow of records through a review, for the databases-and-registers column.</summary>
/// <remarks>Every count is optional, because reviews often publish only some of them (the postpartum scoping review
/// gives only 13,851 screened and 33 included). <see cref="Inconsistencies"/> applies the arithmetic checks of
/// GUIDE.md §4 wherever both sides are known.</remarks>
public sealed partial class PrismaFlow
{
    /// <summary>Creates a flow.</summary>
    /// <param name="identified">Records identified, per database or register.</param>
    /// <param name="duplicatesRemoved">Duplicate records removed before screening.</param>
    /// <param name="automationRemoved">Records marked ineligible by automation tools.</param>
    /// <param name="otherRemoved">Records removed before screening for other reasons.</param>
    /// <param name="screened">Records screened (titles and abstracts).</param>
    /// <param name="excludedAtScreening">Records excluded at screening.</param>
    /// <param name="sought">Reports sought for retrieval.</param>
    /// <param name="notRetrieved">Reports not retrieved.</param>
    /// <param name="assessed">Reports assessed for eligibility.</param>
    /// <param name="exclusionReasons">Reports excluded at full text, by reason.</param>
    /// <param name="studiesIncluded">Studies included in the review.</param>
    /// <param name="reportsIncluded">Reports of included studies.</param>
    /// <param name="previousStudies">For an updated review, the studies included in its previous version.</param>
    /// <param name="previousReports">For an updated review, the reports of the studies included in its previous version.</param>
    /// <param name="registers">Records identified, per register, when registers are counted apart from <paramref name="identified"/> (then the databases).</param>
    /// <param name="otherMethods">The identification of studies via other methods (websites, organisations, citation searching), if any.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public PrismaFlow(
        IEnumerable<FlowCount>? identified = null,
        int? duplicatesRemoved = null,
        int? automationRemoved = null,
        int? otherRemoved = null,
        int? screened = null,
        int? excludedAtScreening = null,
        int? sought = null,
        int? notRetrieved = null,
        int? assessed = null,
        IEnumerable<FlowCount>? exclusionReasons = null,
        int? studiesIncluded = null,
        int? reportsIncluded = null,
        int? previousStudies = null,
        int? previousReports = null,
        IEnumerable<FlowCount>? registers = null,
        PrismaOtherMethods? otherMethods = null)
    {
        Identified = identified?.ToImmutableArray() ?? [];
        ExclusionReasons = exclusionReasons?.ToImmutableArray() ?? [];
        Registers = registers?.ToImmutableArray() ?? [];
        foreach (var count in Identified.Concat(ExclusionReasons).Concat(Registers))
            ArgumentOutOfRangeException.ThrowIfNegative(count.Count, count.Label);
        DuplicatesRemoved = NonNegative(duplicatesRemoved, nameof(duplicatesRemoved));
        AutomationRemoved = NonNegative(automationRemoved, nameof(automationRemoved));
        OtherRemoved = NonNegative(otherRemoved, nameof(otherRemoved));
        Screened = NonNegative(screened, nameof(screened));
        ExcludedAtScreening = NonNegative(excludedAtScreening, nameof(excludedAtScreening));
        Sought = NonNegative(sought, nameof(sought));
        NotRetrieved = NonNegative(notRetrieved, nameof(notRetrieved));
        Assessed = NonNegative(assessed, nameof(assessed));
        StudiesIncluded = NonNegative(studiesIncluded, nameof(studiesIncluded));
        ReportsIncluded = NonNegative(reportsIncluded, nameof(reportsIncluded));
        PreviousStudies = NonNegative(previousStudies, nameof(previousStudies));
        PreviousReports = NonNegative(previousReports, nameof(previousReports));
        OtherMethods = otherMethods;
    }

    /// <summary>For an updated review, the studies included in its previous version; null for a new review.</summary>
    public int? PreviousStudies { get; }

    /// <summary>For an updated review, the reports of the studies included in its previous version, or null.</summary>
    public int? PreviousReports { get; }

    /// <summary>Whether the flow is of an updated review: it gives the previous version's studies or reports.</summary>
    public bool IsUpdate => PreviousStudies is not null || PreviousReports is not null;

    /// <summary>For an updated review, the studies new in this version: <see cref="StudiesIncluded"/> less
    /// <see cref="PreviousStudies"/>; for a new review, <see cref="StudiesIncluded"/>.</summary>
    public int? NewStudiesIncluded => IsUpdate ? StudiesIncluded - PreviousStudies : StudiesIncluded;

    /// <summary>For an updated review, the reports of studies new in this version; for a new review, <see cref="ReportsIncluded"/>.</summary>
    public int? NewReportsIncluded => IsUpdate ? ReportsIncluded - PreviousReports : ReportsIncluded;

    /// <summary>Records identified, per register, when registers are counted apart; empty otherwise (then
    /// <see cref="Identified"/> holds databases and registers alike).</summary>
    public ImmutableArray<FlowCount> Registers { get; }

    /// <summary>The total of <see cref="Registers"/>, or null when no register is given.</summary>
    public int? RegistersTotal => Registers.IsEmpty ? null : Registers.Sum(c => c.Count);

    /// <summary>The identification of studies via other methods, or null when the review searched databases and registers only.</summary>
    public PrismaOtherMethods? OtherMethods { get; }

    /// <summary>Records identified, per database or register.</summary>
    public ImmutableArray<FlowCount> Identified { get; }

    /// <summary>The total of <see cref="Identified"/>, or null when no source is given.</summary>
    public int? IdentifiedTotal => Identified.IsEmpty ? null : Identified.Sum(c => c.Count);

    /// <summary>Duplicate records removed before screening.</summary>
    public int? DuplicatesRemoved { get; }

    /// <summary>Records marked ineligible by automation tools before screening.</summary>
    public int? AutomationRemoved { get; }

    /// <summary>Records removed before screening for other reasons.</summary>
    public int? OtherRemoved { get; }

    /// <summary>Records screened.</summary>
    public int? Screened { get; }

    /// <summary>Records excluded at screening.</summary>
    public int? ExcludedAtScreening { get; }

    /// <summary>Reports sought for retrieval.</summary>
    public int? Sought { get; }

    /// <summary>Reports not retrieved.</summary>
    public int? NotRetrieved { get; }

    /// <summary>Reports assessed for eligibility.</summary>
    public int? Assessed { get; }

    /// <summary>Reports excluded at full text, by reason.</summary>
    public ImmutableArray<FlowCount> ExclusionReasons { get; }

    /// <summary>The total of <see cref="ExclusionReasons"/>, or null when no reason is given.</summary>
    public int? ExcludedWithReasonsTotal => ExclusionReasons.IsEmpty ? null : ExclusionReasons.Sum(c => c.Count);

    /// <summary>Studies included in the review (for an updated review, in total).</summary>
    public int? StudiesIncluded { get; }

    /// <summary>Reports of included studies.</summary>
    public int? ReportsIncluded { get; }

    /// <summary>The arithmetic checks of GUIDE.md §4 that fail, each as a sentence with the numbers; empty when the flow adds up.</summary>
    /// <remarks>A check is made only when every count it needs is known. Removals before screening that are not given count as zero
    /// once at least one removal is given.</remarks>
    public ImmutableArray<string> Inconsistencies
    {
        get
        {
            var problems = ImmutableArray.CreateBuilder<string>();
            int? removed = DuplicatesRemoved is null && AutomationRemoved is null && OtherRemoved is null
                ? null
                : (DuplicatesRemoved ?? 0) + (AutomationRemoved ?? 0) + (OtherRemoved ?? 0);
            int? identified = Registers.IsEmpty ? IdentifiedTotal : (IdentifiedTotal ?? 0) + RegistersTotal;
            Expect(problems, "records screened", Screened, "identified − removed before screening", identified - removed);
            Expect(problems, "reports sought", Sought, "screened − excluded at screening", Screened - ExcludedAtScreening);
            Expect(problems, "reports assessed", Assessed, "sought − not retrieved", Sought - NotRetrieved);
            if (OtherMethods is null && !IsUpdate)
                Expect(problems, "reports of included studies", ReportsIncluded, "assessed − excluded with reasons", Assessed - ExcludedWithReasonsTotal);
            else
            {
                int? fromOther = OtherMethods is null ? 0 : OtherMethods.Assessed - OtherMethods.ExcludedWithReasonsTotal;
                Expect(problems, IsUpdate ? "reports of new included studies" : "reports of included studies", NewReportsIncluded,
                    OtherMethods is null ? "assessed − excluded with reasons" : "assessed − excluded with reasons, via databases and registers and via other methods",
                    Assessed - ExcludedWithReasonsTotal + fromOther);
                if (OtherMethods is { } other)
                    Expect(problems, "reports assessed via other methods", other.Assessed, "sought − not retrieved via other methods", other.Sought - other.NotRetrieved);
            }
            if (StudiesIncluded is { } studies && ReportsIncluded is { } reports && studies > reports)
                problems.Add(Format($"studies included ({studies:N0}) exceeds reports of included studies ({reports:N0})"));
            if (StudiesIncluded is { } included && Screened is { } screened && included > screened)
                problems.Add(Format($"studies included ({included:N0}) exceeds records screened ({screened:N0})"));
            return problems.ToImmutable();
        }
    }

    private static void Expect(ImmutableArray<string>.Builder problems, string name, int? actual, string rule, int? expected)
    {
        if (actual is { } a && expected is { } e && a != e)
            problems.Add(Format($"{name} is {a:N0} but {rule} is {e:N0}"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int? NonNegative(int? value, string name)
    {
        if (value is < 0) throw new ArgumentOutOfRangeException(name, value, "A flow count cannot be negative.");
        return value;
    }
}

/// <summary>The identification of studies via other methods in a PRISMA 2020 flow: records from websites,
/// organisations and citation searching, and the reports sought, retrieved, assessed and excluded from them.</summary>
/// <remarks>Other methods' records are not screened as the databases' are: their reports go straight to retrieval.</remarks>
public sealed partial class PrismaOtherMethods
{
    /// <summary>Creates the other-methods column of a flow.</summary>
    /// <param name="identified">Records identified, per method ("Websites", "Organisations", "Citation searching").</param>
    /// <param name="sought">Reports sought for retrieval.</param>
    /// <param name="notRetrieved">Reports not retrieved.</param>
    /// <param name="assessed">Reports assessed for eligibility.</param>
    /// <param name="exclusionReasons">Reports excluded, by reason.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public PrismaOtherMethods(IEnumerable<FlowCount>? identified = null, int? sought = null, int? notRetrieved = null, int? assessed = null,
        IEnumerable<FlowCount>? exclusionReasons = null)
    {
        Identified = identified?.ToImmutableArray() ?? [];
        ExclusionReasons = exclusionReasons?.ToImmutableArray() ?? [];
        foreach (var count in Identified.Concat(ExclusionReasons))
            ArgumentOutOfRangeException.ThrowIfNegative(count.Count, count.Label);
        foreach (var (value, name) in new[] { (sought, nameof(sought)), (notRetrieved, nameof(notRetrieved)), (assessed, nameof(assessed)) })
        {
            if (value is < 0) throw new ArgumentOutOfRangeException(name, value, "A flow count cannot be negative.");
        }
        Sought = sought;
        NotRetrieved = notRetrieved;
        Assessed = assessed;
    }

    /// <summary>Records identified, per method.</summary>
    public ImmutableArray<FlowCount> Identified { get; }

    /// <summary>The total of <see cref="Identified"/>, or null when no method is given.</summary>
    public int? IdentifiedTotal => Identified.IsEmpty ? null : Identified.Sum(c => c.Count);

    /// <summary>Reports sought for retrieval.</summary>
    public int? Sought { get; }

    /// <summary>Reports not retrieved.</summary>
    public int? NotRetrieved { get; }

    /// <summary>Reports assessed for eligibility.</summary>
    public int? Assessed { get; }

    /// <summary>Reports excluded, by reason.</summary>
    public ImmutableArray<FlowCount> ExclusionReasons { get; }

    /// <summary>The total of <see cref="ExclusionReasons"/>, or null when no reason is given.</summary>
    public int? ExcludedWithReasonsTotal => ExclusionReasons.IsEmpty ? null : ExclusionReasons.Sum(c => c.Count);

    /// <summary>"Other methods: 12 identified, 10 assessed".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Other methods: {IdentifiedTotal?.ToString("N0", CultureInfo.InvariantCulture) ?? "not reported"} identified, {Assessed?.ToString("N0", CultureInfo.InvariantCulture) ?? "not reported"} assessed");
}
