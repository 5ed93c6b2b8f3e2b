using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Checks that span sections: roles name pools that exist, classes name models that exist, TEE traffic
/// has TEE-capable inference nodes, replication fits the verification pool. An unstable configuration
/// (offered load above capacity) is allowed: finding where it breaks is what the simulator is for.
/// </summary>
internal sealed class ScenarioChecks(
    ScenarioProblems problems,
    IReadOnlyDictionary<string, PoolConfig> pools,
    IReadOnlyDictionary<string, ModelProfile> models)
{
    public void Roles(MappingReader roles, RolesConfig config, TrafficBinder.BoundTraffic traffic, VerificationPlacement placement)
    {
        if (pools.Count == 0) return; // already reported: no pools at all
        Pool(roles, "inference", config.Inference);
        // On chain, the validators verify inside block execution: no verification pool is needed.
        if (placement == VerificationPlacement.Offchain || roles.Has("verification")) Pool(roles, "verification", config.Verification);
        if (config.Prover != null) Pool(roles, "prover", config.Prover);
        // The data pool only matters when some request fetches external data.
        if (traffic.Classes.Any(c => c.Config.NeedsDataProbability > 0)) Pool(roles, "data", config.Data);
    }

    public void Classes(TrafficBinder.BoundTraffic traffic, RolesConfig roles)
    {
        pools.TryGetValue(roles.Inference, out var inferencePool);
        string? batchingModel = null;
        foreach (var c in traffic.Classes)
        {
            if (c.Config.Model is { } model && !models.ContainsKey(model))
            {
                string known = models.Count == 0 ? "no models are defined under models:" : $"models: {string.Join(", ", models.Keys)}";
                problems.Report(c.Fields.NodeFor("model"), c.Fields.ChildPath("model"),
                    $"unknown model \"{model}\"{Suggestions.DidYouMean(model, models.Keys)}; {known}");
            }
            else if (c.Config.Model is { } known)
            {
                ModelTokens(c, models[known]);
                if (models[known].Batching is not null)
                {
                    // One GPU batches sequences of one model, so the inference pool can batch only one.
                    if (batchingModel is not null && batchingModel != known)
                        problems.Report(c.Fields.NodeFor("model"), c.Fields.ChildPath("model"),
                            $"model \"{known}\" uses continuous batching, and so does \"{batchingModel}\" of an earlier class; " +
                            "the inference pool batches one model, so at most one model used by the classes may have batch_slowdown");
                    batchingModel ??= known;
                }
            }
            bool viaGateway = c.Config.Model is { } m && models.TryGetValue(m, out var profile) && profile.Provider is not null;
            if (!viaGateway && inferencePool is { TeeCapableNodes: 0 } && c.Config.PathWeights.GetValueOrDefault(VerificationPath.Tee) > 0)
                problems.Report(c.Paths.NodeFor("tee"), c.Paths.ChildPath("tee"),
                    $"TEE path has weight {ParameterExpression.Format(c.Config.PathWeights[VerificationPath.Tee])}, but the inference pool " +
                    $"\"{inferencePool.Name}\" has tee_capable: 0; give it TEE-capable nodes (tee_capable: 1 to {inferencePool.Nodes}) or set tee to 0");
        }
    }

    /// <summary>A token-based model needs token counts; a provider model only output tokens; a fixed-cost one takes none.</summary>
    private void ModelTokens(TrafficBinder.BoundClass c, ModelProfile model)
    {
        string[] keys = ["prompt_tokens", "output_tokens"];
        if (model.Provider is not null)
        {
            if (!c.Fields.Has("output_tokens"))
                problems.Report(c.Fields.Anchor, c.Fields.ChildPath("output_tokens"),
                    $"missing; a class with provider model \"{model.Name}\" needs output_tokens (a distribution of token counts; each costs tpot_s)");
            if (c.Fields.Has("prompt_tokens"))
                problems.Report(c.Fields.NodeFor("prompt_tokens"), c.Fields.ChildPath("prompt_tokens"),
                    $"prompt_tokens does not apply: provider model \"{model.Name}\" takes its time to first token from its ttft_s distribution " +
                    "(a measured provider latency), not from prompt length; remove it");
        }
        else if (model.IsTokenBased)
        {
            foreach (string key in keys.Where(k => !c.Fields.Has(k)))
                problems.Report(c.Fields.Anchor, c.Fields.ChildPath(key), $"missing; a class with model needs {key} (a distribution of token counts)");
        }
        else
        {
            foreach (string key in keys.Where(c.Fields.Has))
                problems.Report(c.Fields.NodeFor(key), c.Fields.ChildPath(key),
                    $"{key} does not apply: model \"{model.Name}\" has a fixed cost (inference_s), not token rates");
        }
    }

    public void Replication(MappingReader verification, VerificationConfig config, RolesConfig roles)
    {
        if (config.Replication is { } k && pools.TryGetValue(roles.Verification, out var pool) && k > pool.Nodes)
            problems.Report(verification.NodeFor("replication"), verification.ChildPath("replication"),
                $"replication {k} exceeds the {pool.Nodes} nodes of verification pool \"{pool.Name}\"; allowed: 1 to {pool.Nodes}, or all");
    }

    /// <summary>A by_class policy names classes that exist, and gives every class a path (or a default).</summary>
    public void Policy(ComponentSpec? policy, TrafficBinder.BoundTraffic traffic, ScenarioCatalogs catalogs)
    {
        if (policy is null || catalogs.PathPolicies.Validate(policy).Count > 0) return;
        // The utility policy's class keys change nothing under any other policy: refused rather than ignored.
        if (policy.Name != "utility")
            foreach (var c in traffic.Classes)
                foreach (string key in new[] { "trust_value", "delay_cost_per_s" }.Where(c.Fields.Has))
                    problems.Report(c.Fields.NodeFor(key), c.Fields.ChildPath(key), $"{key} applies only with policy: {{name: utility}}; this scenario's policy is {policy.Name}");
        // A policy that names classes (by_class) checks them itself: its catalog entry's ClassCheck.
        var classes = traffic.Classes.Select(c => c.Config.Name).ToList();
        foreach (var (key, message) in catalogs.PathPolicies.CheckClasses(policy, classes))
            problems.Report(key is null ? policy.Location : policy.Location with { FieldPath = $"{policy.Location.FieldPath}.{key}" }, message);
    }

    private void Pool(MappingReader roles, string role, string pool)
    {
        if (pools.ContainsKey(pool)) return;
        string how = roles.Has(role) ? "" : " (the default when roles does not name one)";
        problems.Report(roles.NodeFor(role), roles.ChildPath(role),
            $"pool \"{pool}\"{how} does not exist{Suggestions.DidYouMean(pool, pools.Keys)}; pools: {string.Join(", ", pools.Keys)}");
    }
}
