using HacaSim.Scenarios;

namespace HacaSim.Model.Chain;

/// <summary>What the chain needs to know of an item it settles (the model's requests are the items).</summary>
public interface ISettlementItem
{
    VerificationPath Path { get; }

    /// <summary>True when the item's proof is a ZK proof (recursive aggregation verifies all of a batch's at once).</summary>
    bool CarriesZkProof { get; }
}
