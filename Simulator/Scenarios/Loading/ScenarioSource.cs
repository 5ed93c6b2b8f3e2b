using HacaSim.Model;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// A scenario file read from disk once per command, with the data files it names (<see cref="InputCache"/>).
/// <see cref="With"/> binds it with a set of overrides: each variant, grid point, warm-up pilot or precision batch
/// of the command gets its scenario from here, so no command opens its scenario or trace twice.
/// </summary>
public sealed class ScenarioSource
{
    private ScenarioSource(string path, string text, InputCache files)
    {
        Path = path;
        Text = text;
        Files = files;
    }

    /// <summary>The path as the user gave it: messages and the default scenario name use it.</summary>
    public string Path { get; }

    /// <summary>The file's text, as read.</summary>
    public string Text { get; }

    /// <summary>The data files the scenario names, read on first use and shared by every binding.</summary>
    public InputCache Files { get; }

    /// <summary>Reads the scenario file at <paramref name="path"/> (a regular file of at most <see cref="ScenarioLoader.MaxBytes"/>).</summary>
    public static ScenarioSource Read(string path, IInputReader? reader = null)
    {
        reader ??= new DiskInput();
        return new ScenarioSource(path, reader.ReadText(path, "scenario file", ScenarioLoader.MaxBytes), new InputCache(reader));
    }

    /// <summary>Scenario text that is not a file (a test's, or a resolved scenario); <paramref name="displayPath"/> names it.</summary>
    public static ScenarioSource FromText(string text, string displayPath, IInputReader? reader = null) =>
        new(displayPath, text, new InputCache(reader ?? new DiskInput()));

    /// <summary>The scenario bound with <paramref name="overrides"/> (each "name=value" or "a.b.c=value"), validated.</summary>
    public LoadedScenario With(IReadOnlyList<string> overrides, ScenarioCatalogs? catalogs = null) =>
        ScenarioLoader.LoadText(Text, Path, overrides, catalogs, Files);
}
