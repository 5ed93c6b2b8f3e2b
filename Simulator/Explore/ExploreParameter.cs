using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Explore;

/// <summary>
/// One uncertain input of <c>hacasim explore</c>: a declared parameter or key path, named exactly as
/// <c>sweep --param</c> and <c>--set</c> name it, and its range (<see cref="ParameterRange"/>).
/// </summary>
public sealed record ExploreParameter(string Name, ParameterRange Range)
{
    public static ExploreParameter Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new InputException($"--param {text}: expected NAME=RANGE, RANGE one of uniform(a,b), loguniform(a,b), int(a,b), choice(v1,v2,...)");
        string name = text[..eq].Trim();
        try
        {
            return new ExploreParameter(name, ParameterRange.Parse(text[(eq + 1)..]));
        }
        catch (FormatException e)
        {
            throw new InputException($"--param {text}: {e.Message}");
        }
    }

    /// <summary>Parses every --param; an empty list or a name given twice is bad input.</summary>
    public static IReadOnlyList<ExploreParameter> ParseAll(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) throw new InputException("explore needs at least one --param NAME=RANGE, e.g. --param arrival_rate=uniform(4,12)");
        var parameters = texts.Select(Parse).ToList();
        if (parameters.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InputException($"--param {twice.Key}: given twice; each input once");
        return parameters;
    }
}
