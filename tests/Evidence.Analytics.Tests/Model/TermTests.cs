namespace Evidence.Analytics.Tests.Model;

public sealed class TermTests
{
    [Fact]
    public void Equals_SameNameOtherCase_IsEqualAndHashesAlike()
    {
        var declared = new OutcomeDomain("social CONNECTION", order: 300);

        Assert.Equal(OutcomeDomain.SocialConnection, declared);
        Assert.Equal(OutcomeDomain.SocialConnection.GetHashCode(), declared.GetHashCode());
    }

    [Fact]
    public void Equals_SameNameOtherVocabulary_IsNotEqual() =>
        Assert.False(new InterventionType("Physical").Equals(new OutcomeDomain("Physical")));

    [Fact]
    public void CompareTo_DeclaredTerms_SortAfterSeededInDisplayOrder()
    {
        var sleep = new OutcomeDomain("Sleep");
        OutcomeDomain[] shuffled = [sleep, OutcomeDomain.ServiceUse, OutcomeDomain.SocialConnection, OutcomeDomain.MentalHealth];

        Assert.Equal([OutcomeDomain.SocialConnection, OutcomeDomain.MentalHealth, OutcomeDomain.ServiceUse, sleep], shuffled.Order());
    }
}
