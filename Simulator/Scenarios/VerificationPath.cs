namespace HacaSim.Scenarios;

/// <summary>How a request's answer is made trustworthy, strongest trust first.</summary>
public enum VerificationPath
{
    /// <summary>A zero-knowledge proof of the inference: strongest trust, proof 100-1000x the inference work.</summary>
    Zkml,

    /// <summary>Hardware attestation from a trusted execution environment: fast, trusts the chip vendor.</summary>
    Tee,

    /// <summary>Optimistic: no proof unless challenged (then ZKML); final after the challenge window.</summary>
    ZkCrv,

    /// <summary>A signature only: no proof.</summary>
    Vanilla,
}

/// <summary>Scenario and output names of the paths (snake_case, as in summary.json).</summary>
public static class VerificationPaths
{
    public static readonly IReadOnlyList<VerificationPath> All = Enum.GetValues<VerificationPath>();

    public static string Key(this VerificationPath path) => path switch
    {
        VerificationPath.Zkml => "zkml",
        VerificationPath.Tee => "tee",
        VerificationPath.ZkCrv => "zkcrv",
        VerificationPath.Vanilla => "vanilla",
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    public static bool TryParse(string key, out VerificationPath path)
    {
        foreach (VerificationPath p in All)
        {
            if (p.Key() == key)
            {
                path = p;
                return true;
            }
        }
        path = default;
        return false;
    }
}
