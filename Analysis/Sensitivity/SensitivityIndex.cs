namespace HacaSim.Analysis.Sensitivity;

/// <summary>One input's sensitivity measures for one output: Sobol first-order and total indices, or a standardised rank regression coefficient.</summary>
public sealed record SensitivityIndex(int Input, BootstrapInterval? First, BootstrapInterval? Total, BootstrapInterval? Srrc);
