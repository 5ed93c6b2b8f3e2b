using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Explore;

/// <summary>One line of sensitivity.csv: an output's sensitivity to an input by one measure (srrc, s1 or st), with its bootstrap interval.</summary>
public sealed record SensitivityRow(string Output, string Input, string Measure, BootstrapInterval Interval, int Samples)
{
    public const string Srrc = "srrc";
    public const string First = "s1";
    public const string Total = "st";
}
