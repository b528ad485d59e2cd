namespace Evidence.Analytics;

/// <summary>Whether an intervention is delivered one-to-one or in groups.</summary>
public enum DeliveryFormat
{
    /// <summary>One-to-one support.</summary>
    OneToOne,
    /// <summary>Group support.</summary>
    Group,
}

/// <summary>The medium through which an intervention is delivered.</summary>
public enum DeliveryMode
{
    /// <summary>Face to face.</summary>
    InPerson,
    /// <summary>By telephone.</summary>
    Telephone,
    /// <summary>Online (video, web, app or messaging).</summary>
    Online,
}

/// <summary>Who delivers an intervention.</summary>
public enum Deliverer
{
    /// <summary>A social-prescribing link worker (or community connector).</summary>
    LinkWorker,
    /// <summary>A trained, unpaid peer volunteer.</summary>
    PeerVolunteer,
    /// <summary>A paid peer supporter.</summary>
    PaidPeer,
    /// <summary>A health or social-care professional.</summary>
    Professional,
}

/// <summary>How participants reach an intervention.</summary>
public enum ReferralRoute
{
    /// <summary>A formal referral (e.g. from a GP, midwife or health visitor) into a specific programme.</summary>
    FormalReferral,
    /// <summary>The person is pointed to community assets, without a referral.</summary>
    Signposting,
    /// <summary>The person refers themselves.</summary>
    SelfReferral,
}

/// <summary>How an intervention assesses participants' needs (Kimberlee 2015 typology input).</summary>
public enum NeedsAssessment
{
    /// <summary>No assessment of needs.</summary>
    None,
    /// <summary>A single, pre-defined need (the programme's own focus).</summary>
    SingleNeed,
    /// <summary>Needs identified across several domains, briefly.</summary>
    MultiDomain,
    /// <summary>A holistic "what matters to you" assessment.</summary>
    Holistic,
}

/// <summary>Follow-up or duration of support after the first contact (Kimberlee 2015 typology input).</summary>
public enum FollowUp
{
    /// <summary>No follow-up.</summary>
    None,
    /// <summary>A time-limited number of contacts.</summary>
    TimeLimited,
    /// <summary>Ongoing, open-ended support with no limit on contacts.</summary>
    Ongoing,
}
