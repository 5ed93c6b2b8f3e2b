namespace HacaSim.Scenarios;

/// <summary>
/// Prices for the cost outputs (<c>costs:</c>): dollars per GPU node-hour and per CPU node-hour, and
/// optionally gas (price in gwei, ETH in dollars; gas per settled item is the path's paths.PATH.settle_gas). A pool that plays the
/// inference or prover role is GPU hardware; the others (verification, data) are CPU.
/// </summary>
public sealed record CostsConfig(double GpuHourUsd, double CpuHourUsd, double? GasPriceGwei, double? EthUsd)
{
    /// <summary>Dollars of <paramref name="gas"/>; 0 without a gas price and ETH price.</summary>
    public double GasUsd(double gas) => GasPriceGwei is { } gwei && EthUsd is { } eth ? gas * gwei * 1e-9 * eth : 0;
}
