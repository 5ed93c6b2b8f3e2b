namespace HacaSim.Catalog;

/// <summary>Where a value was written: file, 1-based line and column, and its key path (traffic.classes[0].share).</summary>
public sealed record SourceLocation(string File, int Line, int Column, string FieldPath)
{
    public static readonly SourceLocation None = new("", 0, 0, "");

    /// <summary>
    /// "file:line:column: field: message", the form every input error takes. Line 0 means the value has
    /// no line of its own (a default, or a --set override whose text is the <see cref="File"/>): "file: field: message".
    /// </summary>
    public string Format(string message) =>
        File.Length == 0 ? (FieldPath.Length == 0 ? message : $"{FieldPath}: {message}")
        : Line <= 0 ? $"{File}: {FieldPath}: {message}"
        : $"{File}:{Line}:{Column}: {FieldPath}: {message}";
}
