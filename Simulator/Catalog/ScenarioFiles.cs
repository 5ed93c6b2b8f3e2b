namespace HacaSim.Catalog;

/// <summary>Finds a data file a scenario names: as written from the working directory, else beside the scenario file.</summary>
public static class ScenarioFiles
{
    public static string Resolve(string file, SourceLocation location)
    {
        if (File.Exists(file) || Path.IsPathRooted(file) || location.File.Length == 0) return file;
        string besideScenario = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(location.File)) ?? "", file);
        return File.Exists(besideScenario) ? besideScenario
            : throw new ArgumentException($"file \"{file}\" not found in the working directory or beside the scenario ({besideScenario})");
    }
}
