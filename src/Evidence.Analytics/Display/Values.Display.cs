namespace Evidence.Analytics;

// Values a notebook shows on their own (a study, a finding, a configuration, a count, a proportion): their
// one-line text as HTML and plain text, instead of the kernel's tree of every property.
// Types with tables of their own have a file each in this folder.

[TypeFormatterSource(typeof(DisplayFormatterSource<Study>))]
public sealed partial class Study;

[TypeFormatterSource(typeof(DisplayFormatterSource<Intervention>))]
public sealed partial class Intervention;

[TypeFormatterSource(typeof(DisplayFormatterSource<Finding>))]
public sealed partial class Finding;

[TypeFormatterSource(typeof(DisplayFormatterSource<CmoConfiguration>))]
public sealed partial class CmoConfiguration;

[TypeFormatterSource(typeof(DisplayFormatterSource<Term>))]
public abstract partial class Term;

[TypeFormatterSource(typeof(DisplayFormatterSource<ProgrammeConfigurations>))]
public sealed partial class ProgrammeConfigurations;

[TypeFormatterSource(typeof(DisplayFormatterSource<FeatureCooccurrenceRow>))]
public sealed partial class FeatureCooccurrenceRow;

[TypeFormatterSource(typeof(DisplayFormatterSource<FeatureShare>))]
public readonly partial struct FeatureShare;

[TypeFormatterSource(typeof(DisplayFormatterSource<DesignCount>))]
public readonly partial record struct DesignCount;

[TypeFormatterSource(typeof(DisplayFormatterSource<FamilyTally>))]
public sealed partial record FamilyTally;

[TypeFormatterSource(typeof(DisplayFormatterSource<ProgrammeFeature>))]
public sealed partial class ProgrammeFeature;

[TypeFormatterSource(typeof(DisplayFormatterSource<ImportProblem>))]
public sealed partial class ImportProblem;

[TypeFormatterSource(typeof(DisplayFormatterSource<Proportion>))]
public sealed partial class Proportion;

[TypeFormatterSource(typeof(DisplayFormatterSource<EvidenceGap>))]
public sealed partial class EvidenceGap;

[TypeFormatterSource(typeof(DisplayFormatterSource<EvidenceMapCell>))]
public sealed partial class EvidenceMapCell;

[TypeFormatterSource(typeof(DisplayFormatterSource<ScreeningAgreement>))]
public sealed partial class ScreeningAgreement;

[TypeFormatterSource(typeof(DisplayFormatterSource<DirectionCounts>))]
public readonly partial struct DirectionCounts;

[TypeFormatterSource(typeof(DisplayFormatterSource<DesignGroupCounts>))]
public readonly partial struct DesignGroupCounts;

[TypeFormatterSource(typeof(DisplayFormatterSource<RankedShare>))]
public sealed partial record RankedShare;

[TypeFormatterSource(typeof(DisplayFormatterSource<StudyDirection>))]
public readonly partial record struct StudyDirection;

[TypeFormatterSource(typeof(DisplayFormatterSource<TypologyEntry>))]
public sealed partial record TypologyEntry;

[TypeFormatterSource(typeof(DisplayFormatterSource<TypologyClassification>))]
public sealed partial record TypologyClassification;

[TypeFormatterSource(typeof(DisplayFormatterSource<TypologyLevelCount>))]
public sealed partial record TypologyLevelCount;

[TypeFormatterSource(typeof(DisplayFormatterSource<Citation>))]
public sealed partial class Citation;

[TypeFormatterSource(typeof(DisplayFormatterSource<ReviewInfo>))]
public sealed partial record ReviewInfo;

[TypeFormatterSource(typeof(DisplayFormatterSource<FlowCount>))]
public sealed partial record FlowCount;

[TypeFormatterSource(typeof(DisplayFormatterSource<SheetImportCounts>))]
public sealed partial record SheetImportCounts;

[TypeFormatterSource(typeof(DisplayFormatterSource<EffectEstimate>))]
public readonly partial struct EffectEstimate;

[TypeFormatterSource(typeof(DisplayFormatterSource<VocabularyTerm>))]
public sealed partial class VocabularyTerm;
