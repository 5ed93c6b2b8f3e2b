namespace HacaSim.Analysis.Output;

/// <summary>
/// The keys of summary.json's run, requests, pools, paths, stability, warm-up, precision, faults and chain sections,
/// which are also the names of the per-replication metrics sweep.csv, comparison.csv, plan targets and --precision use
/// (as key paths), in one place: the writers write them, the report and the experiments read them by these names.
/// They are a contract (users' scripts read them): add keys, never rename one. The cost and capacity sections' keys
/// are here too. (The shard unit files' keys are an internal format, private to UnitResultFile.)
/// </summary>
public static class SummaryKeys
{
    // Every statistic's own keys ({"mean", "ci95", "p50", "p95", "p99", "max"}), in summary.json, comparison.json and
    // the explore outputs' column names.
    public const string Mean = "mean";
    public const string Ci95 = "ci95";
    public const string P50 = "p50";
    public const string P95 = "p95";
    public const string P99 = "p99";
    public const string Max = "max";

    public const string Arrived = "arrived";
    public const string Availability = "availability";
    public const string BacklogGrowthPerSecond = "backlog_growth_per_s";
    public const string BlockCycleSeconds = "block_cycle_s";
    public const string BlockGasLimit = "block_gas_limit";
    public const string Blocks = "blocks";
    public const string ByPath = "by_path";
    public const string Chain = "chain";
    public const string Classes = "classes";
    public const string CiMethod = "ci_method";
    public const string ConsensusModel = "consensus_model";
    public const string Count = "count";
    public const string DeadlineSeconds = "deadline_s";
    public const string Decisions = "decisions";
    public const string DowngradeShare = "downgrade_share";
    public const string Downgrades = "downgrades";
    public const string DurationSeconds = "duration_s";
    public const string EndSeconds = "end_s";
    public const string Events = "events";
    public const string ExecutionSeconds = "execution_s";
    public const string Failed = "failed";
    public const string OverDeadlineShare = "over_deadline_share";
    public const string FailedByReason = "failed_by_reason";
    public const string Fallbacks = "fallbacks";
    public const string Faults = "faults";
    public const string FinalityDelaySeconds = "finality_delay_s";
    public const string GasPerBlock = "gas_per_block";
    public const string GasPerBlockMax = "gas_per_block_max";
    public const string GasUtilization = "gas_utilization";
    public const string InFlight = "in_flight";
    public const string InService = "in_service";
    public const string InclusionDelaySeconds = "inclusion_delay_s";
    public const string InterruptedJobs = "interrupted_jobs";
    public const string Items = "items";
    public const string ItemsPerBlock = "items_per_block";
    public const string ItemsPerBlockMax = "items_per_block_max";
    public const string MaxReplications = "max_replications";
    public const string MempoolLength = "mempool_length";
    public const string MempoolLengthMax = "mempool_length_max";
    public const string Met = "met";
    public const string Method = "method";
    public const string Metric = "metric";
    public const string Mser5Pool = "mser5_pool";
    public const string Mser5Seconds = "mser5_s";
    public const string Nodes = "nodes";
    public const string Outages = "outages";
    public const string Overflow = "overflow";
    public const string Paths = "paths";
    public const string Pipeline = "pipeline";
    public const string Placement = "placement";
    public const string Pools = "pools";
    public const string Precision = "precision";
    public const string ProofBacklogBefore = "proof_backlog_before";
    public const string ProofBacklogPeak = "proof_backlog_peak";
    public const string ProofLagSeconds = "proof_lag_s";
    public const string QueueLength = "queue_length";
    public const string RecoveredReplications = "recovered_replications";
    public const string RecoverySeconds = "recovery_s";
    public const string RejectedMempoolFull = "rejected_mempool_full";
    public const string RelativeHalfWidth = "relative_half_width";
    public const string RelaxationSeconds = "relaxation_s";
    public const string Reliable = "reliable";
    public const string Replications = "replications";
    public const string Requests = "requests";
    public const string ResultLatencySeconds = "result_latency_s";
    public const string Retries = "retries";
    public const string Scenario = "scenario";
    public const string Seconds = "seconds";
    public const string Seed = "seed";
    public const string ServiceSeconds = "service_s";
    public const string SettleRunSeconds = "settle_run_s";
    public const string Settled = "settled";
    public const string Share = "share";
    public const string Slots = "slots";
    public const string Stability = "stability";
    public const string Stable = "stable";
    public const string StartSeconds = "start_s";
    public const string Target = "target";
    public const string TargetRelativeHalfWidth = "target_relative_half_width";
    public const string ThroughputItemsPerSecond = "throughput_items_per_s";
    public const string TimeToTrustSeconds = "time_to_trust_s";
    public const string Total = "total";
    public const string Unstable = "unstable";
    public const string Utilization = "utilization";
    public const string Verdict = "verdict";
    public const string VerdictReason = "verdict_reason";
    public const string WaitSeconds = "wait_s";
    public const string Warmup = "warmup";
    public const string WarmupSeconds = "warmup_s";
    public const string WorkLostSeconds = "work_lost_s";

    // The cost and capacity sections (CostWriter, CapacityWriter).
    public const string ArrivalRateMethod = "arrival_rate_method";
    public const string ArrivalRatePerSecond = "arrival_rate_per_s";
    public const string Batching = "batching";
    public const string Bottleneck = "bottleneck";
    public const string Capacity = "capacity";
    public const string CapacityItemsPerSecond = "capacity_items_per_s";
    public const string CapacityWorkSecondsPerSecond = "capacity_work_s_per_s";
    public const string Cost = "cost";
    public const string CpuHour = "cpu_hour";
    public const string CpuSecondsPerRequest = "cpu_s_per_request";
    public const string EthUsd = "eth_usd";
    public const string Formula = "formula";
    public const string GasPerHour = "gas_per_hour";
    public const string GasPriceGwei = "gas_price_gwei";
    public const string GpuHour = "gpu_hour";
    public const string GpuSecondsPerRequest = "gpu_s_per_request";
    public const string Hardware = "hardware";
    public const string HardwarePerHour = "hardware_per_hour";
    public const string IdleNodeSeconds = "idle_node_s";
    public const string ItemsPerRequest = "items_per_request";
    public const string JobsPerRequest = "jobs_per_request";
    public const string KneeArrivalRatePerSecond = "knee_arrival_rate_per_s";
    public const string NetworkPerHour = "network_per_hour";
    public const string Notes = "notes";
    public const string PerSettledRequest = "per_settled_request";
    public const string PerTrustedRequest = "per_trusted_request";
    public const string ProviderRho = "provider_rho";
    public const string Rho = "rho";
    public const string RhoMax = "rho_max";
    public const string Roles = "roles";
    public const string ServiceScv = "service_scv";
    public const string SettledPerSecond = "settled_per_s";
    public const string TeeRho = "tee_rho";
    public const string TrustedPerSecond = "trusted_per_s";
    public const string Usd = "usd";
    public const string UsedNodeSeconds = "used_node_s";
    public const string WindowSeconds = "window_s";
    public const string WorkByStageSeconds = "work_by_stage_s";
    public const string WorkPerRequestSeconds = "work_per_request_s";
}
