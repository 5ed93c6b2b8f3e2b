using HacaSim.Model;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static readonly string[] Shipped = ["baseline.yaml", "validation/mmc.yaml", "validation/mg1.yaml", "validation/tandem.yaml",
        "chain/gated-consensus.yaml", "chain/gas-zkml.yaml", "chain/onchain-vs-offchain.yaml", "chain/batching.yaml"];

    private static LoadedScenario Load(string file, params string[] overrides) =>
        ScenarioLoader.Load(RepositoryPaths.Scenario(file), overrides);

    [TestCaseSource(nameof(Shipped))]
    public void ShippedScenarioLoads(string file)
    {
        var loaded = Load(file);
        Assert.That(loaded.Scenario.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)));
        Assert.That(loaded.SourcePath, Does.EndWith(Path.GetFileName(file)));
        Assert.That(loaded.ResolvedYaml, Does.Not.Contain("${"));
    }

    [TestCaseSource(nameof(Shipped))]
    public void ResolvedYamlLoadsToTheSameScenario(string file)
    {
        var loaded = Load(file);
        var again = ScenarioLoader.LoadText(loaded.ResolvedYaml, "resolved.yaml", []);
        Assert.That(ScenarioText.Of(again.Scenario), Is.EqualTo(ScenarioText.Of(loaded.Scenario)));
        Assert.That(again.ResolvedYaml, Is.EqualTo(loaded.ResolvedYaml), "resolving is idempotent");
    }

    [Test]
    public void ResolvedYamlKeepsOverrides()
    {
        var loaded = Load("baseline.yaml", "zkml_share=0.5", "pools.inference.slots=3", "traffic.classes.1.paths={zkml: 1, vanilla: 1}");
        var again = ScenarioLoader.LoadText(loaded.ResolvedYaml, "resolved.yaml", []);
        Assert.That(ScenarioText.Of(again.Scenario), Is.EqualTo(ScenarioText.Of(loaded.Scenario)));
        Assert.That(again.Scenario.Traffic.Classes[0].Share, Is.EqualTo(0.5));
        Assert.That(again.Scenario.Pools["inference"].Slots, Is.EqualTo(3));
        Assert.That(again.Scenario.Traffic.Classes[1].PathWeights[VerificationPath.Vanilla], Is.EqualTo(1));
        Assert.That(loaded.ResolvedYaml, Does.Contain("zkml_share: 0.5"), "the parameters block keeps the final values");
    }

    [Test]
    public void DedicatedProversBindsTheOldBaselinesValues()
    {
        var s = Load("dedicated-provers.yaml").Scenario;
        Assert.Multiple(() =>
        {
            Assert.That(s.Run, Is.EqualTo(new RunConfig(3600, 300, 1, 1, 10)));
            Assert.That(s.Traffic.Arrival!.Name, Is.EqualTo("poisson"));
            Assert.That(s.Traffic.Arrival.Number("rate"), Is.EqualTo(5.5));
            var chat = s.Traffic.Classes[0];
            Assert.That(chat.Name, Is.EqualTo("chat"));
            Assert.That(chat.Share, Is.EqualTo(0.8), "${1 - zkml_share}");
            Assert.That(chat.Model, Is.EqualTo("llama-3.1-8b-a100"));
            Assert.That(chat.PromptTokens!.Name, Is.EqualTo("lognormal"));
            Assert.That(chat.OutputTokens!.Number("cv"), Is.EqualTo(1.1));
            Assert.That(chat.NeedsDataProbability, Is.EqualTo(0.2));
            Assert.That(chat.DeadlineSeconds, Is.EqualTo(120));
            Assert.That(chat.PathWeights[VerificationPath.Tee], Is.EqualTo(0.5));
            Assert.That(chat.PathWeights[VerificationPath.Zkml], Is.EqualTo(0), "omitted paths weigh 0");
            var risk = s.Traffic.Classes[1];
            Assert.That(risk.Share, Is.EqualTo(0.2));
            Assert.That(risk.InferenceSeconds!.Name, Is.EqualTo("uniform"));
            Assert.That(risk.DeadlineSeconds, Is.Null);
            ModelProfile llama = s.Models["llama-3.1-8b-a100"];
            Assert.That((llama.PrefillTokensPerSecond, llama.DecodeSecondsPerToken), Is.EqualTo((10000.0, 0.013)));
            Assert.That(llama.ProofSeconds?.Name, Is.EqualTo("lognormal"));
            Assert.That(llama.ProofSeconds?.Number("median"), Is.EqualTo(600));
            Assert.That(s.Pools["inference"], Is.EqualTo(new PoolConfig("inference", 8, 8, 1, 4, "jsq", "fifo", null)));
            Assert.That(s.Pools["data"].TeeCapableNodes, Is.EqualTo(2));
            Assert.That(s.Pools.Keys, Is.EqualTo(new[] { "inference", "prover", "verification", "data" }));
            Assert.That(s.Roles, Is.EqualTo(new RolesConfig("inference", "verification", "data", "prover")));
            Assert.That(s.Paths.Zkml.ProofOverheadFactor, Is.EqualTo(1000));
            Assert.That(s.Paths.Zkml.ProofSeconds, Is.Null);
            Assert.That(s.Paths.Tee.InferenceOverheadFactor, Is.EqualTo(1.05));
            Assert.That(s.Paths.ZkCrv.ChallengeWindowSeconds, Is.EqualTo(60));
            Assert.That(s.Verification.Replication, Is.Null, "replication: all");
            Assert.That(s.Settlement, Is.EqualTo(new SettlementConfig(SettlementMode.Blocks, 2, 500, 0.5, 0.01, null, false)));
            Assert.That(s.Data.EnclaveOverheadFactor, Is.EqualTo(1.1));
            Assert.That(s.Data.ExternalLatency.Number("p99"), Is.EqualTo(1.5));
            Assert.That(s.Data.TimeoutSeconds, Is.Null);
            Assert.That(s.Network.HopLatency.Number("median"), Is.EqualTo(0.005));
            Assert.That(s.Policy.Name, Is.EqualTo("static"));
        });
    }

    [Test]
    public void BaselineIsHacaAsDocumented()
    {
        var s = Load("baseline.yaml").Scenario;
        Assert.Multiple(() =>
        {
            Assert.That(s.Roles.Prover, Is.Null, "proofs are generated on the inference nodes");
            Assert.That(s.Pools.Keys, Is.EqualTo(new[] { "inference", "verification", "data" }));
            Assert.That(s.Pools["inference"].Nodes, Is.EqualTo(24));
            Assert.That(s.Pools["inference"].Sharing, Is.EqualTo(new SharingConfig(SharingMode.Processor, 0, null)));
            Assert.That(s.Models["llama-3.1-8b-a100"].Batching, Is.Not.Null, "continuous batching from the profile catalogue");
            Assert.That(s.Models["risk-mlp"].ProofSeconds!.Number("value"), Is.EqualTo(2.3345).Within(0.001), "deepprove-gkr at 4M parameters");
            Assert.That(s.Models["llama-3.1-8b-a100"].ProofSeconds!.Number("value"), Is.EqualTo(900 * 8.03 / 13).Within(0.01), "zkllm at 8.03B");
            Assert.That(s.Traffic.Classes[1].Model, Is.EqualTo("risk-mlp"));
        });
    }

    [Test]
    public void LocationsPointIntoTheFile()
    {
        var s = Load("dedicated-provers.yaml").Scenario;
        var location = s.Traffic.Classes[0].PromptTokens!.Location;
        Assert.That(location.File, Does.EndWith("dedicated-provers.yaml"));
        // The first line of the file that sets prompt_tokens (1-based), read from the file, not hard-coded.
        int expected = Array.FindIndex(File.ReadAllLines(location.File), l => l.TrimStart().StartsWith("prompt_tokens:")) + 1;
        Assert.That(location.Line, Is.EqualTo(expected));
        Assert.That(location.FieldPath, Is.EqualTo("traffic.classes[0].prompt_tokens"));
    }

    [Test]
    public void ValidationScenariosBindTheirQueues()
    {
        var mmc = Load("validation/mmc.yaml").Scenario;
        var mg1 = Load("validation/mg1.yaml").Scenario;
        var tandem = Load("validation/tandem.yaml").Scenario;
        Assert.Multiple(() =>
        {
            Assert.That(mmc.Pools["inference"].Slots, Is.EqualTo(4));
            Assert.That(mmc.Traffic.Arrival!.Number("rate"), Is.EqualTo(3.6));
            Assert.That(mmc.Traffic.Classes[0].InferenceSeconds!.Number("rate"), Is.EqualTo(1.0));
            Assert.That(mmc.Run, Is.EqualTo(new RunConfig(50000, 2000, 10, 1, 100)));
            Assert.That(mmc.Settlement.Mode, Is.EqualTo(SettlementMode.Instant));
            Assert.That(mmc.Verification.Replication, Is.EqualTo(1));
            Assert.That(mmc.Paths.Vanilla.SignSeconds.Number("value"), Is.EqualTo(0));
            Assert.That(mmc.Network.HopLatency.Name, Is.EqualTo("deterministic"));
            Assert.That(mmc.Roles.Prover, Is.Null, "prover absent = colocated");
            Assert.That(mg1.Traffic.Classes[0].InferenceSeconds!.Number("cv"), Is.EqualTo(1.5));
            Assert.That(tandem.Paths.Vanilla.VerifySeconds.Name, Is.EqualTo("exponential"));
            Assert.That(tandem.Paths.Vanilla.VerifySeconds.Number("rate"), Is.EqualTo(0.8));
        });
    }

    [Test]
    public void OmittedFieldsTakeTheirDefaults()
    {
        var s = ScenarioLoader.LoadText(ErrorCases.Minimal, "min.yaml", []).Scenario;
        Assert.Multiple(() =>
        {
            Assert.That(s.Name, Is.EqualTo("t"));
            Assert.That(s.Description, Is.EqualTo(""));
            Assert.That(s.Run.SampleIntervalSeconds, Is.EqualTo(100.0 / 360), "duration / 360");
            Assert.That(s.Run.Seed, Is.EqualTo(1));
            Assert.That(s.Pools["verification"], Is.EqualTo(new PoolConfig("verification", 1, 1, 1, 0, "jsq", "fifo", null)));
            Assert.That(s.Traffic.Classes[0].Share, Is.EqualTo(1));
            Assert.That(s.Roles, Is.EqualTo(new RolesConfig("inference", "verification", "data", null)));
            Assert.That(s.Paths.Zkml.VerifySeconds.Number("value"), Is.EqualTo(0.01));
            Assert.That(s.Paths.Tee.AttestSeconds.Number("value"), Is.EqualTo(0.01));
            Assert.That(s.Paths.ZkCrv.ChallengeProbability, Is.EqualTo(0.01));
            Assert.That(s.Verification.Replication, Is.Null);
            Assert.That(s.Settlement, Is.EqualTo(new SettlementConfig(SettlementMode.Blocks, 2, 500, 0.5, 0.01, null, false)));
            Assert.That(s.Data.ExternalLatency.Name, Is.EqualTo("lognormal"));
            Assert.That(s.Network.HopLatency.Number("value"), Is.EqualTo(0));
            Assert.That(s.Policy.Name, Is.EqualTo("static"));
        });
    }

    [Test]
    public void ClassWithoutPathsGoesVanilla()
    {
        string yaml = ErrorCases.Minimal.Replace("      paths: {vanilla: 1}\n", "");
        var weights = ScenarioLoader.LoadText(yaml, "t.yaml", []).Scenario.Traffic.Classes[0].PathWeights;
        Assert.That(weights[VerificationPath.Vanilla], Is.EqualTo(1));
        Assert.That(weights.Values.Sum(), Is.EqualTo(1));
    }

    [Test]
    public void ParametersInterpolateIntoTextAndNameChoices()
    {
        string yaml = ErrorCases.Minimal
            .Replace("parameters: {rate: 1}", "parameters: {rate: 1, picker: round_robin}")
            .Replace("name: t\n", "name: \"rate-${rate}-x${2 * rate}\"\n")
            .Replace("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slots: 1, dispatcher: \"${picker}\"}");
        var loaded = ScenarioLoader.LoadText(yaml, "t.yaml", ["picker=random"]);
        Assert.That(loaded.Scenario.Name, Is.EqualTo("rate-1-x2"));
        Assert.That(loaded.Scenario.Pools["inference"].Dispatcher, Is.EqualTo("random"));
        Assert.That(ScenarioText.Of(ScenarioLoader.LoadText(loaded.ResolvedYaml, "r.yaml", []).Scenario), Is.EqualTo(ScenarioText.Of(loaded.Scenario)));
    }

    [Test]
    public void SetParameter() =>
        Assert.That(Load("validation/mmc.yaml", "servers=8").Scenario.Pools["inference"].Slots, Is.EqualTo(8));

    [Test]
    public void SetParameterChangesEveryUseAndTheParametersBlock()
    {
        var loaded = Load("baseline.yaml", "zkml_share=0.3");
        Assert.That(loaded.Scenario.Traffic.Classes[0].Share, Is.EqualTo(1 - 0.3));
        Assert.That(loaded.Scenario.Traffic.Classes[1].Share, Is.EqualTo(0.3));
        Assert.That(loaded.ResolvedYaml, Does.Contain("zkml_share: 0.3"));
    }

    [Test]
    public void SetParameterByItsBlockPath() =>
        Assert.That(Load("validation/mmc.yaml", "parameters.servers=2").Scenario.Pools["inference"].Slots, Is.EqualTo(2));

    [Test]
    public void SetKeyPath() =>
        Assert.That(Load("baseline.yaml", "pools.inference.slots=3").Scenario.Pools["inference"].Slots, Is.EqualTo(3));

    [Test]
    public void SetListItem() =>
        Assert.That(Load("baseline.yaml", "traffic.classes.0.share=0.5").Scenario.Traffic.Classes[0].Share, Is.EqualTo(0.5));

    [Test]
    public void SetCreatesAMissingLastKey() =>
        Assert.That(Load("validation/mmc.yaml", "pools.inference.queue_capacity=10").Scenario.Pools["inference"].QueueCapacity, Is.EqualTo(10));

    [Test]
    public void SetFindsKeysWithDots() =>
        Assert.That(Load("baseline.yaml", "models.llama-3.1-8b-a100.decode_s_per_token=0.02").Scenario.Models["llama-3.1-8b-a100"].DecodeSecondsPerToken,
            Is.EqualTo(0.02));

    [Test]
    public void SetReplacesADistributionWholeAndEvaluatesExpressions()
    {
        var s = Load("validation/mmc.yaml", "traffic.classes.0.inference_s={dist: gamma, mean: \"${1 / service_rate}\", cv: 2}").Scenario;
        Assert.That(s.Traffic.Classes[0].InferenceSeconds!.Name, Is.EqualTo("gamma"));
        Assert.That(s.Traffic.Classes[0].InferenceSeconds!.Number("mean"), Is.EqualTo(1.0));
    }

    [Test]
    public void SetValueProblemNamesTheOverride()
    {
        var e = Assert.Throws<InputException>(() => Load("baseline.yaml", "pools.inference.slots=-3"));
        Assert.That(e!.Message, Does.StartWith("--set pools.inference.slots=-3: pools.inference.slots: expected a whole number >= 1"));
    }

    [Test]
    public void MissingFileIsAnInputError() =>
        Assert.That(() => ScenarioLoader.Load(Path.Combine(RepositoryPaths.Root, "no-such.yaml"), []),
            Throws.TypeOf<InputException>().With.Message.Contains("not found"));

    [Test]
    public void TooLargeTextIsRefused() =>
        Assert.That(() => ScenarioLoader.LoadText(new string('#', (int)ScenarioLoader.MaxBytes + 1), "big.yaml", []),
            Throws.TypeOf<InputException>().With.Message.Contains("10 MB"));
}
