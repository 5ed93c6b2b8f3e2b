namespace HacaSim.Analysis.Output;

/// <summary>
/// The keys of summary.json's run, requests, pools, paths, stability, warm-up, precision, faults and chain sections,
/// which are also the names of the per-replication metrics sweep.csv, comparison.csv, plan targets and --precision use
/// (as key paths), in one place: the writers write them, the report and the experiments read them by these names.
/// They are a contract (users' scripts read them): add keys, never rename one. (The cost and capacity sections'
/// keys are written by CostWriter and CapacityWriter alone.)
/// </summary>
public static class SummaryKeys
{
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
}
