namespace HacaSim.Analysis.Sensitivity;

/// <summary>The closed set of input distributions <c>hacasim explore --param NAME=RANGE</c> accepts.</summary>
public enum RangeKind
{
    /// <summary><c>uniform(a,b)</c>: every value in [a, b] equally likely.</summary>
    Uniform,

    /// <summary><c>loguniform(a,b)</c>: log(x) uniform on [log a, log b], a &gt; 0; for ranges spanning decades.</summary>
    LogUniform,

    /// <summary><c>int(a,b)</c>: the integers a..b (both included), equally likely.</summary>
    Integer,

    /// <summary><c>choice(v1,v2,...)</c>: one of the listed values (numbers or words), equally likely.</summary>
    Choice,
}
