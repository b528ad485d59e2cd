using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Vocabulary;

/// <summary>Properties of spelling keys and of the built-in vocabularies as a whole: a key is stable, punctuation inside a
/// word is ignored without running different words together, and every listed spelling means exactly one term.</summary>
public sealed class VocabularyPropertyTests
{
    private static string Key(string text) => Vocabulary<string>.Key(text);

    /// <summary>Text with the characters that matter to keys: letters, digits, spaces, punctuation, symbols, accents.</summary>
    private static readonly Gen<string> Texts =
        from chars in Gen.Elements("aAbBcCrRtTsSéÉ0159 .,-_/'’&:;+±▲\t()".ToCharArray()).ArrayOf()
        select new string(chars);

    [Fact]
    public void Key_AnyText_IsIdempotent()
    {
        Prop.ForAll(Texts.ToArbitrary(), text => Key(Key(text)) == Key(text)).QuickCheckThrowOnFailure();
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text => Key(Key(text)) == Key(text)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Key_DotsBetweenSingleLetters_AreIgnored_OtherPunctuationSeparatesWords()
    {
        // Abbreviations join: any mix of case and trailing dot, with or without spaces around the whole.
        Prop.ForAll(Gen.Elements("a", "b", "c", "r", "t", "s").ArrayOf().Where(a => a.Length >= 2).ToArbitrary(), letters =>
            Key(string.Join('.', letters).ToUpperInvariant() + ".") == string.Concat(letters)).QuickCheckThrowOnFailure();
        Assert.Equal("rct", Key("R.C.T."));
        Assert.Equal("childrens center", Key("Children's centre"));
        // Words are never run together: hyphens, slashes, underscores and dots between words separate them.
        Assert.Equal("mixed methods", Key("Mixed-methods"));
        Assert.Equal("education information", Key("Education/information"));
        Assert.Equal("cohort study", Key("cohort.study"));
        Assert.Equal("1 5", Key("1.5"));
        Assert.NotEqual(Key("1.5"), Key("15"));
    }

    [Fact]
    public void BuiltInVocabularies_EverySpelling_MapsToExactlyOneTerm()
    {
        foreach (var vocabulary in Vocabularies.All.Append(Dimensions.Vocabulary).Append(IntervalMethods.Vocabulary))
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var term in vocabulary.Terms)
            {
                foreach (string spelling in term.Synonyms.Concat(term.RelatedConstructs).Prepend(term.Label))
                {
                    // Each spelling is listed once in the whole vocabulary …
                    Assert.True(owners.TryAdd(Key(spelling), term.Label),
                        $"{vocabulary.Field}: '{spelling}' is listed under both '{owners.GetValueOrDefault(Key(spelling))}' and '{term.Label}'.");
                    // … is neither a blank marker nor ambiguous …
                    Assert.False(vocabulary.IsBlankMarker(spelling), $"{vocabulary.Field}: '{spelling}' is a blank marker.");
                    Assert.DoesNotContain(vocabulary.Ambiguous, a => Key(a.Spelling) == Key(spelling));
                    // … and reads as its term, in any case and with its words hyphenated.
                    Assert.Equal(term.Label, LabelOf(vocabulary, spelling));
                    Assert.Equal(term.Label, LabelOf(vocabulary, spelling.ToUpperInvariant().Replace(' ', '-')));
                }
            }
            foreach (var word in vocabulary.Ambiguous)
                Assert.Null(LabelOf(vocabulary, word.Spelling));
        }
    }

    [Fact]
    public void BlankMarkers_AreNoValueAnywhere_ExceptNoneWhereNoneIsATerm()
    {
        foreach (var vocabulary in Vocabularies.All)
        {
            foreach (string marker in Vocabularies.BlankMarkers)
            {
                string? label = LabelOf(vocabulary, marker);
                if (label is null) Assert.True(vocabulary.IsBlankMarker(marker), $"{vocabulary.Field}: '{marker}'");
                else Assert.Equal(("none", "None"), (marker, label));
            }
        }
        Assert.Equal(["needs assessment", "follow-up"], Vocabularies.All.Where(v => v.BlankMarkers.Count < Vocabularies.BlankMarkers.Length).Select(v => v.Field));
    }

    [Fact]
    public void PrismaStages_AreTheFlowSheetsStages()
    {
        Assert.Equal(WorkbookFormat.FlowStages, Vocabularies.PrismaStage.Accepted);
    }

    private static string? LabelOf(ControlledVocabulary vocabulary, string text) => vocabulary.LabelOf(text);
}
