using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Scenarios;

/// <summary>
/// Checks for the TEE gateway path: classes whose model is a provider model (ttft_s, tpot_s) go to the
/// tee_gateway pool that <c>roles.gateway</c> names, and a gateway serves nothing else. A provider's answer
/// can only be signed, never proven, so such a class may take only the tee and vanilla paths, under the static
/// policy (the others may choose a proven path at run time), and no fault fallback may send it to a proven path.
/// </summary>
internal sealed class GatewayChecks(
    ScenarioProblems problems,
    IReadOnlyDictionary<string, PoolConfig> pools,
    IReadOnlyDictionary<string, ModelProfile> models)
{
    private static readonly VerificationPath[] Proven = [VerificationPath.Zkml, VerificationPath.ZkCrv];

    public void Check(MappingReader roles, RolesConfig config, TrafficBinder.BoundTraffic traffic, ComponentSpec policy, FaultsConfig faults)
    {
        if (pools.Count == 0) return; // already reported: no pools at all
        var providerClasses = traffic.Classes
            .Where(c => c.Config.Model is { } m && models.TryGetValue(m, out var model) && model.Provider is not null).ToList();
        // A gateway pool in another role would run GPU work, proofs or verification on enclaves that only forward calls.
        foreach (var (role, name) in new[] { ("inference", config.Inference), ("verification", config.Verification), ("data", config.Data), ("prover", config.Prover) })
        {
            if (name is null || !pools.TryGetValue(name, out var pool) || !pool.IsGateway || (role == "data" && !roles.Has("data"))) continue;
            var gpuModels = traffic.Classes.Select(c => c.Config.Model).OfType<string>().Distinct()
                .Where(m => models.TryGetValue(m, out var model) && model.Provider is null).ToList();
            problems.Report(roles.NodeFor(role), roles.ChildPath(role),
                $"pool \"{name}\" is kind: tee_gateway (enclaves that forward calls to an external LLM provider); it can play only roles.gateway, " +
                $"for classes whose model is a provider model (ttft_s, tpot_s)" +
                (role == "inference" && gpuModels.Count > 0 ? $"; models {string.Join(", ", gpuModels)} need GPU or CPU compute nodes (a pool of kind: compute)" : "") +
                "; allowed here: a pool of kind: compute");
        }
        if (!roles.Has("data") && pools.TryGetValue(config.Data, out var data) && data.IsGateway && traffic.Classes.Any(c => c.Config.NeedsDataProbability > 0))
            problems.Report(roles.Anchor, roles.ChildPath("data"),
                $"pool \"{config.Data}\" (the default data pool) is kind: tee_gateway; name a data pool of kind: compute in roles.data");
        foreach (PoolConfig pool in pools.Values.Where(p => p.IsGateway && p.Name != config.Gateway))
            problems.Report(roles.Has("gateway") ? roles.NodeFor("gateway") : roles.Anchor, roles.ChildPath("gateway"),
                $"pool \"{pool.Name}\" is kind: tee_gateway but roles.gateway is \"{config.Gateway}\"; name it in roles.gateway (one gateway pool per scenario)");
        if (pools.TryGetValue(config.Gateway, out var gateway) && gateway.IsGateway && providerClasses.Count == 0)
            problems.Report(roles.Has("gateway") ? roles.NodeFor("gateway") : roles.Anchor, roles.ChildPath("gateway"),
                $"tee_gateway pool \"{gateway.Name}\" serves no class: only classes whose model is a provider model (ttft_s, tpot_s) use it; " +
                "add such a class or remove the pool");
        if (providerClasses.Count == 0) return;

        if (!pools.TryGetValue(config.Gateway, out gateway))
            problems.Report(roles.Has("gateway") ? roles.NodeFor("gateway") : roles.Anchor, roles.ChildPath("gateway"),
                $"pool \"{config.Gateway}\"{(roles.Has("gateway") ? "" : " (the default when roles does not name one)")} does not exist" +
                $"{Suggestions.DidYouMean(config.Gateway, pools.Keys)}; classes {string.Join(", ", providerClasses.Select(c => c.Config.Name))} " +
                "use a provider model and need a pool of kind: tee_gateway");
        else if (!gateway.IsGateway)
            problems.Report(roles.Has("gateway") ? roles.NodeFor("gateway") : roles.Anchor, roles.ChildPath("gateway"),
                $"pool \"{gateway.Name}\" is kind: compute; classes {string.Join(", ", providerClasses.Select(c => c.Config.Name))} use a provider model " +
                "(ttft_s, tpot_s) and need a pool of kind: tee_gateway");

        foreach (var c in providerClasses)
        {
            foreach (VerificationPath path in Proven.Where(p => c.Config.PathWeights.GetValueOrDefault(p) > 0))
                problems.Report(c.Paths.NodeFor(path.Key()), c.Paths.ChildPath(path.Key()),
                    $"model \"{c.Config.Model}\" is a provider model: its answer comes from an external LLM through the TEE gateway and can be signed, " +
                    $"not proven; allowed paths for this class: tee, vanilla (set {path.Key()} to 0)");
            foreach (var (from, to) in faults.Fallback.Where(f => !Proven.Contains(f.Key) && Proven.Contains(f.Value)))
                problems.Report(c.Fields.NodeFor("model"), c.Fields.ChildPath("model"),
                    $"faults.fallback sends {from.Key()} to {to.Key()}, a proven path, but this class's provider model can only be signed; " +
                    "allowed fallbacks for a gateway class: tee or vanilla");
        }
        if (policy.Name != "static")
            problems.Report(policy.Location,
                $"policy {policy.Name} may choose zkml or zkcrv at run time, which classes {string.Join(", ", providerClasses.Select(c => c.Config.Name))} " +
                "(provider models through the TEE gateway) cannot take; allowed with a gateway class: static");
    }
}
