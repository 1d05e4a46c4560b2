namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// Corrects a query word against the words the index actually holds (its own vocabulary, with how
/// many entries use each): a word that starts some indexed word is kept (the search matches
/// prefixes); otherwise the nearest indexed word within a small edit distance replaces it — one
/// letter missing, extra, wrong or two letters swapped — preferring the nearest, then the most used.
/// Pure: no database, no list of synonyms.
/// </summary>
public sealed class SpellingCorrector
{
    /// <summary>Corrections already worked out (a vocabulary is immutable): misspellings repeat, and each costs a pass over the vocabulary.</summary>
    private const int MaxRemembered = 10_000;

    private readonly string[] _terms;   // sorted ordinally
    private readonly int[] _documents;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _corrections = new(StringComparer.Ordinal);

    public SpellingCorrector(IEnumerable<(string Term, int Documents)> vocabulary)
    {
        var sorted = vocabulary.Where(v => v.Term.Length > 0).GroupBy(v => v.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Documents: g.Sum(v => v.Documents))).OrderBy(v => v.Term, StringComparer.Ordinal).ToArray();
        _terms = sorted.Select(v => v.Term).ToArray();
        _documents = sorted.Select(v => v.Documents).ToArray();
    }

    public int Count => _terms.Length;

    /// <summary>Edits allowed for a word of this length: none below 3 letters, one up to 6, two beyond.</summary>
    public static int AllowedEdits(int length) => length < 3 ? 0 : length <= 6 ? 1 : 2;

    /// <summary>Whether the index holds <paramref name="word"/> itself.</summary>
    public bool IsTerm(string word) => Array.BinarySearch(_terms, word, StringComparer.Ordinal) >= 0;

    /// <summary>Whether some indexed word starts with <paramref name="word"/>.</summary>
    public bool IsKnownPrefix(string word)
    {
        var i = Array.BinarySearch(_terms, word, StringComparer.Ordinal);
        if (i >= 0) return true;
        i = ~i;
        return i < _terms.Length && _terms[i].StartsWith(word, StringComparison.Ordinal);
    }

    /// <summary>The word itself when known, else the best indexed word within reach, else null.</summary>
    public string? Correct(string word)
    {
        if (_corrections.TryGetValue(word, out var known)) return known;
        var correction = Nearest(word);
        if (_corrections.Count < MaxRemembered) _corrections.TryAdd(word, correction);
        return correction;
    }

    private string? Nearest(string word)
    {
        if (IsKnownPrefix(word)) return word;
        var allowed = AllowedEdits(word.Length);
        if (allowed == 0) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestDocuments = -1;
        for (var i = 0; i < _terms.Length; i++)
        {
            var term = _terms[i];
            if (Math.Abs(term.Length - word.Length) > allowed || AllowedEdits(term.Length) == 0) continue;
            var distance = Distance(word, term, Math.Min(allowed, bestDistance));
            if (distance > allowed) continue;
            if (distance < bestDistance || (distance == bestDistance && _documents[i] > bestDocuments))
            {
                best = term;
                bestDistance = distance;
                bestDocuments = _documents[i];
            }
        }
        return best;
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus swapping two neighbouring letters), giving
    /// up with <c>limit + 1</c> as soon as every path costs more than <paramref name="limit"/>.
    /// </summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], limit + 1);
    }
}
