using HacaSim.Catalog;
using HacaSim.Randomness;
using HacaSim.Workload;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// The inputs of one command besides its scenario file: data files (traces, CSV columns) and the compiled-in profile and
/// proof-system catalogues, each read once through the command's
/// <see cref="IInputReader"/> and then shared read-only: it lives in the command's <see cref="ScenarioSource"/>,
/// never in static state. The loader attaches what it read to the component that names the file
/// (<see cref="ComponentSpec.Data"/>), so validation, the capacity model and every replication use the same rows.
/// </summary>
public sealed class InputCache(IInputReader reader)
{
    private readonly Dictionary<string, TraceData> _traces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, string Column), double[]> _columns = new();
    private readonly Lock _lock = new();
    private string? _profiles;
    private Dictionary<string, ProofSystem>? _proofSystems;

    public IInputReader Reader { get; } = reader;

    /// <summary>
    /// <paramref name="spec"/> with the contents of the file it names attached, or <paramref name="spec"/> itself when it
    /// names none or the file cannot be read: then the catalog's own build reports the problem, in the words it always has.
    /// </summary>
    public ComponentSpec Attach(ComponentSpec spec)
    {
        if (!spec.Texts.TryGetValue("file", out string? file)) return spec;
        try
        {
            string path = ScenarioFiles.Resolve(file, spec.Location);
            if (spec.Texts.TryGetValue("column", out string? column)) return spec with { Data = new AttachedData(null, Column(path, column)) };
            if (spec.Name == "trace") return spec with { Data = new AttachedData(Trace(path), null) };
            return spec;
        }
        catch (Exception e) when (e is InputException or ArgumentException)
        {
            return spec;
        }
    }

    /// <summary>The trace at <paramref name="path"/> (as resolved), read on first use.</summary>
    public TraceData Trace(string path)
    {
        lock (_lock)
        {
            if (_traces.TryGetValue(path, out TraceData? cached)) return cached;
            using TextReader text = Reader.OpenText(path, "trace", TraceReader.MaxBytes);
            return _traces[path] = TraceReader.Read(text, path);
        }
    }

    /// <summary>The profile catalogue's text (compiled in), read once per command; each binding parses its own tree of it.</summary>
    public string ProfileCatalogue
    {
        get
        {
            lock (_lock) return _profiles ??= ModelProfileCatalog.Text();
        }
    }

    /// <summary>The proof-system catalogue (compiled in, immutable records), read once per command.</summary>
    public IReadOnlyDictionary<string, ProofSystem> ProofSystems
    {
        get
        {
            lock (_lock) return _proofSystems ??= ProofSystemCatalog.All().ToDictionary(s => s.Name, StringComparer.Ordinal);
        }
    }

    /// <summary>One numeric column of the CSV file at <paramref name="path"/>, read on first use.</summary>
    public IReadOnlyList<double> Column(string path, string column)
    {
        lock (_lock)
        {
            if (_columns.TryGetValue((path, column), out double[]? cached)) return cached;
            using TextReader text = Reader.OpenText(path, "CSV file", CsvColumn.MaxBytes);
            return _columns[(path, column)] = CsvColumn.Read(text, path, column);
        }
    }
}
