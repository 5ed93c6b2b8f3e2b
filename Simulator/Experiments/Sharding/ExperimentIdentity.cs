using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// What makes shards parts of the same experiment: the hacasim build, the command, the SHA-256 of the resolved
/// scenario and of the canonical options (everything but --shard, --out, --threads, --quiet, which do not
/// change results), and the seed. <see cref="Arguments"/> is the canonical command line itself, so a merge
/// can redo the command's write step with exactly these settings.
/// </summary>
public sealed record ExperimentIdentity(string ToolVersion, string Command, IReadOnlyList<string> Arguments, string ScenarioSha256,
    string OptionsSha256, ulong Seed)
{
    /// <param name="scenario">The resolved scenario text (for sweep and compare: before each point's or variant's own overrides).</param>
    /// <param name="options">The canonical options: the arguments without the scenario path, plus whatever else decides results.</param>
    public static ExperimentIdentity Of(string command, IReadOnlyList<string> arguments, string scenario, IEnumerable<string> options, ulong seed) =>
        new(CurrentToolVersion, command, arguments, Sha256(scenario), Sha256(string.Join("\n", options)), seed);

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
