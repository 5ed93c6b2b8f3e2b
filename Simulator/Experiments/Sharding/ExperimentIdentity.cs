using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// What makes shards parts of the same experiment: the hacasim build, the command, the SHA-256 of the resolved
/// scenario and of the options (the typed <see cref="Spec"/> without the scenario path; what does not change results,
/// --shard, --out, --threads, --quiet, is not in it), and the seed. <see cref="Spec"/> is what a merge runs the
/// command's write step from. Parts written before the spec existed (manifest format hacasim-part/1) carry the
/// canonical command line instead (<see cref="Arguments"/>, <see cref="Spec"/> null) and hashed that.
/// </summary>
public sealed record ExperimentIdentity(string ToolVersion, string Command, ExperimentSpec? Spec, IReadOnlyList<string> Arguments, string ScenarioSha256,
    string OptionsSha256, ulong Seed)
{
    /// <param name="scenario">The resolved scenario text (for sweep and compare: before each point's or variant's own overrides).</param>
    public static ExperimentIdentity Of(ExperimentSpec spec, string scenario, ulong seed) =>
        new(CurrentToolVersion, spec.Kind.Key(), spec, [], Sha256(scenario), Sha256(spec.OptionsText()), seed);

    /// <summary>The identity as parts of manifest format hacasim-part/1 recorded it (to merge them): the canonical options hashed.</summary>
    /// <param name="options">The canonical options: the arguments without the scenario path, plus whatever else decides results.</param>
    public static ExperimentIdentity Legacy(string command, IReadOnlyList<string> arguments, string scenario, IEnumerable<string> options, ulong seed) =>
        new(CurrentToolVersion, command, null, arguments, Sha256(scenario), Sha256(string.Join("\n", options)), seed);

    /// <summary>The informational version, which carries the commit hacasim was built from.</summary>
    public static string CurrentToolVersion { get; } =
        typeof(ExperimentIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The fields that differ from <paramref name="other"/>'s, for an error message; empty when the same experiment.</summary>
    public IReadOnlyList<string> Differences(ExperimentIdentity other)
    {
        var d = new List<string>();
        if (ToolVersion != other.ToolVersion) d.Add($"tool version {ToolVersion} vs {other.ToolVersion}");
        if (Command != other.Command) d.Add($"command {Command} vs {other.Command}");
        if (ScenarioSha256 != other.ScenarioSha256) d.Add("scenario (resolved text differs)");
        if (OptionsSha256 != other.OptionsSha256) d.Add("options");
        if (Seed != other.Seed) d.Add($"seed {Seed} vs {other.Seed}");
        return d;
    }
}
