namespace HacaSim.Experiments.Execution;

/// <summary>
/// Whether a core is free of replications, for work that only helps when it runs beside them on an otherwise idle
/// core (the chart warm-up of a run, <see cref="WaitForSpareCoreAfterStart"/>). <see cref="WorkUnitRunner"/> reports
/// its batches: while a batch has at least as many units left as it has threads, it occupies that many cores; once
/// its last units run (the tail, when a worker finds nothing left to take) it occupies only as many as are left. A
/// core is spare while fewer cores than the machine has are occupied: always with <c>--threads 1</c> on two cores, during
/// start-up and the tail with <c>--threads 2</c>. Work that waits here instead of running at once does not take CPU
/// from the replications on a machine whose cores they all use (issue 19: on two threads the warm-up's ~0.65 s of CPU
/// ran beside both workers and lengthened the replication phase). It only decides when, never what: no result depends on it.
/// </summary>
public sealed class SpareCores(int cores)
{
    private readonly object _gate = new();
    private int _occupied;
    private bool _begun;
    private bool _outputsBegun;

    /// <summary>The machine's cores, as the runtime sees them (<see cref="Environment.ProcessorCount"/>).</summary>
    public static SpareCores ForThisMachine() => new(Environment.ProcessorCount);

    /// <summary>Cores occupied by replications now.</summary>
    public int Occupied
    {
        get { lock (_gate) return _occupied; }
    }

    /// <summary>True while fewer cores than the machine has run replications.</summary>
    public bool HasSpareCore
    {
        get { lock (_gate) return _occupied < cores; }
    }

    /// <summary>
    /// Blocks until replications have begun and a core is spare: the tail of a run whose replications use every core, or
    /// their start when they leave one idle. Start-up leaves a core idle too, but only for a moment: work longer than
    /// that would still be running when the replications begin.
    /// </summary>
    public void WaitForSpareCoreAfterStart()
    {
        lock (_gate)
        {
            while (!_begun || _occupied >= cores) Monitor.Wait(_gate);
        }
    }

    /// <summary>
    /// True once the command writes its outputs (<see cref="BeginOutputs"/>): from then on, work that only readies them
    /// (the chart warm-up's drawing) is too late to help and would take a core from the writers.
    /// </summary>
    public bool OutputsBegun => Volatile.Read(ref _outputsBegun);

    /// <summary>The command's replications are done and its outputs are being written.</summary>
    public void BeginOutputs() => Volatile.Write(ref _outputsBegun, true);

    /// <summary>A batch of <paramref name="units"/> units on up to <paramref name="threads"/> threads begins; dispose it when the batch ends (also on failure).</summary>
    public Batch Begin(int units, int threads) => new(this, units, Math.Max(1, threads));

    private void Change(int delta, bool begin = false)
    {
        lock (_gate)
        {
            _occupied += delta;
            _begun |= begin;
            if (delta < 0 || begin) Monitor.PulseAll(_gate);
        }
    }

    /// <summary>One batch's occupancy: min(threads, units not yet finished).</summary>
    public sealed class Batch : IDisposable
    {
        private readonly SpareCores _owner;
        private readonly int _threads;
        private int _left;
        private int _occupying;

        internal Batch(SpareCores owner, int units, int threads)
        {
            _owner = owner;
            _threads = threads;
            _left = units;
            _occupying = Math.Min(threads, units);
            owner.Change(_occupying, begin: true);
        }

        /// <summary>A unit of the batch finished (on its worker thread).</summary>
        public void UnitDone()
        {
            int left = Interlocked.Decrement(ref _left);
            Release(Math.Min(_threads, Math.Max(0, left)));
        }

        public void Dispose() => Release(0);

        /// <summary>Lowers this batch's occupancy to <paramref name="target"/> (never raises it).</summary>
        private void Release(int target)
        {
            int now;
            do
            {
                now = Volatile.Read(ref _occupying);
                if (now <= target) return;
            }
            while (Interlocked.CompareExchange(ref _occupying, target, now) != now);
            if (target != now) _owner.Change(target - now);
        }
    }
}
