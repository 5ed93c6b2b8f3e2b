using System.CommandLine;
using HacaSim.Experiments.Sharding;

namespace HacaSim.Cli;

/// <summary>
/// How an experiment command runs, beside its <see cref="ExperimentSpec"/> (what it runs): where output and notes go,
/// the results directory, threads, and where the units come from (here, one shard, or a merge's parts).
/// </summary>
/// <param name="Shard">--shard K/N, or null.</param>
/// <param name="Merged">The parts, when <c>hacasim merge</c> runs the command's write step.</param>
/// <param name="LegacyParse">
/// The command line replayed from parts of manifest format hacasim-part/1 (whose identity hashed the canonical command
/// line, see <see cref="ShardOptions.Canonical"/>); null otherwise.
/// </param>
internal sealed record ExperimentContext(TextWriter Stdout, TextWriter? Stderr, string? Out, bool Force, bool Quiet, int Threads,
    string? Shard, PartSet? Merged, ParseResult? LegacyParse = null, CancellationToken Cancel = default);
