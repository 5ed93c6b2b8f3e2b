namespace HacaSim.Scenarios;

/// <param name="ReservedSlots">Slots only for proofs (mode Reserved), 0 otherwise.</param>
/// <param name="ProofSlotFactor">
/// How many times slower a proof runs in one slot than with the GPU to itself; null: the node's slots
/// (a proof holds one slot of them). Set only through the deprecated <c>proof_slot_factor</c> key.
/// </param>
public sealed record SharingConfig(SharingMode Mode, int ReservedSlots, double? ProofSlotFactor);
