namespace Evidence.Analytics.Import;

/// <summary>The name a person most likely meant when the one they typed is not in the format ("Autors" for Authors), for
/// "did you mean" hints in problems.</summary>
internal static class NearestName
{
    /// <summary>The candidate closest to <paramref name="typed"/>, compared as header keys (case, spaces and punctuation
    /// ignored), when it is within a quarter of its length in edits (at least one); null when none is that close or two
    /// are equally close.</summary>
    public static string? Of(string typed, IEnumerable<string> candidates)
    {
        string key = WorkbookFormat.HeaderKey(typed);
        string? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach (string candidate in candidates)
        {
            string other = WorkbookFormat.HeaderKey(candidate);
            int distance = Distance(key, other);
            if (distance > Math.Max(1, other.Length / 4)) continue;
            if (distance < bestDistance) (best, bestDistance, tie) = (candidate, distance, false);
            else if (distance == bestDistance && candidate != best) tie = true;
        }
        return tie ? null : best;
    }

    /// <summary>The edit distance: the fewest single-character insertions, deletions and substitutions, a swap of two
    /// neighbouring characters counting as one edit ("desing" is one edit from "design"; optimal string alignment).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j], d[i, j - 1]) + 1, d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
