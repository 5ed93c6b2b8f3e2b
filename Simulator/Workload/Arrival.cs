namespace HacaSim.Workload;

/// One arrival: absolute simulated time in seconds, and the token counts when the source knows them (trace replay), else -1.
public readonly record struct Arrival(double TimeSeconds, int PromptTokens = -1, int OutputTokens = -1);
