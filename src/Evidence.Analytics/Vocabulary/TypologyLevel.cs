namespace Evidence.Analytics;

/// <summary>The level of social prescribing an intervention represents (Kimberlee 2015).</summary>
/// <remarks>Kimberlee's own definitions were not available; the levels follow the Welsh social-prescribing glossary's
/// wording (see the README's Methods section and <see cref="Typology"/>).</remarks>
public enum TypologyLevel
{
    /// <summary>The person is simply pointed to community assets.</summary>
    Signposting,
    /// <summary>Referral into a specific programme for a particular need, time-limited.</summary>
    Light,
    /// <summary>A short intervention: a practitioner helps identify needs across several areas, time-limited.</summary>
    Medium,
    /// <summary>Longer-term link-worker support built on a holistic "what matters" assessment, no limit on contacts.</summary>
    Holistic,
    /// <summary>Insufficient reporting to classify.</summary>
    Unclassifiable,
}
