namespace HacaSim.Explore;

/// <summary>How <c>hacasim explore</c> places its samples, and so which sensitivity measure it reports.</summary>
public enum ExploreMethod
{
    /// <summary>A Latin hypercube of N points; standardised rank regression coefficients.</summary>
    Lhs,

    /// <summary>Saltelli's design on a scrambled Sobol sequence (N x (k+2) runs); first-order and total Sobol indices.</summary>
    Sobol,
}

public static class ExploreMethods
{
    public static string Key(this ExploreMethod m) => m == ExploreMethod.Lhs ? "lhs" : "sobol";

    public static ExploreMethod Parse(string text) => text switch
    {
        "lhs" => ExploreMethod.Lhs,
        "sobol" => ExploreMethod.Sobol,
        _ => throw new InputException($"--method {text}: expected lhs or sobol"),
    };
}
