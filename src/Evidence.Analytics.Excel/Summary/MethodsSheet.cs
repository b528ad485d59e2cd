using Evidence.Analytics.Excel.IO;
using Evidence.Analytics.Excel.Workbook;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Methods sheet: what the words and numbers of the workbook mean, for readers who were not in the review team.</summary>
internal static class MethodsSheet
{
    public static void Write(XlsxDocument document, bool includeQualitative = false, bool metaAnalysis = false) =>
        document.AddSheet("Methods", SheetLayout.Page([24, 86]), sheet =>
        {
            sheet.Row(24).Text("Methods and definitions", CellStyle.Title);
            foreach (var (heading, entries) in Sections(includeQualitative, metaAnalysis))
            {
                sheet.Row();
                int first = sheet.RowNumber + 1;
                sheet.Row().Text(heading, CellStyle.Heading);
                sheet.Merge($"A{first}:B{first}");
                foreach (var (term, definition) in entries)
                    sheet.Row().Text(term, CellStyle.Bold).Text(definition, CellStyle.Wrapped);
                sheet.KeepTogether(first, sheet.RowNumber);
            }
        });

    private static readonly (string Heading, (string Term, string Definition)[] Entries) MetaAnalysisSection = ("Meta-analysis of effect estimates",
    [
        ("What is pooled", "Findings that report an effect estimate with its 95% confidence interval (or, without one, its standard error) on a risk ratio (RR), odds ratio (OR), risk difference (RD), standardised mean difference (SMD) or mean difference (MD), per outcome domain and intervention type wherever at least 2 studies qualify on the same metric. Mean differences are pooled only within one outcome measure, as they are on its scale. A finding counts for every type of the interventions it is about."),
        ("One estimate per study", "A study with several estimates in one pool (several measures, or several interventions of the type) is left out of that pool and listed under \"Left out of the pooling\": its estimates are not independent, and averaging them would need their correlation, which studies rarely report."),
        ("Model", "A random-effects model: each study estimates its own true effect, and these vary around the pooled effect with between-study variance τ², estimated by restricted maximum likelihood (REML) as metafor's rma() does by default. Each study's variance is taken from its confidence interval, on the log scale for ratios: ((upper − lower) / 3.92)², or else is its standard error squared."),
        ("Intervals", "The 95% confidence interval is for the average effect (z test). The 95% prediction interval is where the effect of a new, similar study would be expected to lie; it is wider when studies disagree."),
        ("I²", "The share of the variation between studies' estimates that is due to real differences rather than chance (Higgins & Thompson 2002): around 25% is low, 50% moderate, 75% high heterogeneity. With few studies, I² and τ² are imprecise."),
    ]);

    private static IEnumerable<(string Heading, (string Term, string Definition)[] Entries)> Sections(bool includeQualitative, bool metaAnalysis)
    {
        yield return ("Typology of social prescribing (Kimberlee 2015)",
        [
            (TypologyLevel.Signposting.Label(), "The person is simply pointed to community activities or services; no referral, assessment or follow-up."),
            (TypologyLevel.Light.Label(), "A formal referral into one specific programme for a particular, pre-defined need, for a limited time."),
            (TypologyLevel.Medium.Label(), "A short intervention: a practitioner or link worker helps identify needs across several areas and supports the person for a limited time."),
            (TypologyLevel.Holistic.Label(), "Longer-term link-worker support built on a \"what matters to you\" assessment, with no limit on contacts."),
            (TypologyLevel.Unclassifiable.Label(), "The reports do not say enough to place the intervention."),
            ("How levels are assigned", "Unless the reviewer coded a level, it is derived from the intervention's link worker, referral route, needs assessment and follow-up, testing the levels from Holistic down (the rule and its reason are on the Interventions sheet). Kimberlee's own definitions were not available; the wording follows the Welsh social-prescribing glossary."),
        ]);
        yield return ("Directions of effect",
        [
            (Direction.Improved.Label(), "The outcome got better with the intervention, whatever the statistical significance."),
            (Direction.NoDifference.Label(), "The study found no difference (also coded as no change or no effect)."),
            (Direction.Worsened.Label(), "The outcome got worse."),
            (Direction.Mixed.Label(), "Mixed or conflicting results within the study."),
            (Direction.NotReported.Label(), "The study measured the outcome but did not report which way it went."),
            ("Vote counting", "Studies are counted by direction of effect, never by statistical significance (Cochrane Handbook, chapter 12). The sign test compares studies reporting improvement with those reporting worsening; no difference and mixed results are left out of it."),
            ("One direction per study", "When a study reports several results on one outcome, it counts once, with the direction at least 70% of those results share (for example 7 of 10); otherwise it counts as mixed (Hilton Boon & Thomson 2021)."),
        ]);
        yield return ("Study designs",
        [
            (DesignGroup.Rct.Label(), "Randomised controlled trials, individually or cluster randomised."),
            (DesignGroup.Qualitative.Label(), "Qualitative studies (interviews, focus groups, ethnography)."),
            (SummaryFigures.GroupLabel(DesignGroup.Other), "Every design that is neither randomised nor qualitative: quasi-experimental, cohort or pre-post, cross-sectional or survey, mixed methods, service evaluation, case study and designs coded Other. Mixed-methods studies count here because they carry quantitative outcomes."),
            ("Quantitative studies", "RCTs and other designs: every study that is not qualitative."),
        ]);
        yield return ("Counting rules",
        [
            ("Distinct studies", "Every count is of distinct studies. A study that evaluates an intervention with several types, or measures several outcomes, appears in several cells of the evidence map, so cells must not be added up: row, column and overall totals are counted afresh."),
            ("Intervention types", "Interventions can have several types; a study counts once for each type of the interventions it evaluates."),
            ("Gaps", "An absolute gap is an intervention type and outcome domain that no study covers; a thin cell has fewer studies than the gap threshold. Evidence maps show what evidence there is, not what it says."),
            ("Shares and intervals", "A share is the number of studies that reported improvement out of the studies that reported a direction of effect on the outcome (improved, no difference, worsened or mixed). Studies that measured the outcome without reporting a direction are not in the denominator; the headlines name them. The 95% confidence interval is the Wilson score interval (Brown, Cai & DasGupta 2001), as the Cochrane Handbook uses for vote counting."),
            ("Qualitative studies", includeQualitative
                ? "Counted in the shares and sign tests of all designs, as the review team asked (the default leaves them out, because vote counting by direction of effect is for quantitative effect estimates)."
                : "Not counted in the shares or sign tests: vote counting by direction of effect (SWiM; Cochrane Handbook, chapter 12) is for quantitative effect estimates. The headlines report them beside each share (\"plus 6 qualitative studies describing improvement\"). The evidence map counts every study, qualitative ones included."),
            ("Links", "DOIs link to https://doi.org/. Excel keeps at most 65,530 links on a sheet; further DOIs are plain text."),
        ]);
        if (metaAnalysis) yield return MetaAnalysisSection;
        yield return ("About this workbook",
        [
            ("Written by", LibraryInfo.NameAndVersion + ". The same evidence gives the same workbook, byte for byte."),
            ("Text", "Cells are written as values, never as formulas, so text from the source cannot run as a formula."),
        ]);
    }
}
