using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>Vanilla: the node signs the result; verifiers check the signature.</summary>
public sealed record VanillaConfig(ComponentSpec SignSeconds, ComponentSpec VerifySeconds)
{
    public long SettleGas { get; init; } = PathGasDefaults.Vanilla;
}
