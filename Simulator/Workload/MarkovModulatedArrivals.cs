namespace HacaSim.Workload;

/// <summary>
/// A Markov-modulated Poisson process (MMPP) for bursty traffic. In state i arrivals are
/// Poisson(rates[i]) (0 gives an "off" state); the state lasts an exponential time with mean
/// meanSojournSeconds[i] and then jumps to one of the other states chosen uniformly. With two states
/// this is the classic switched Poisson process, and with one rate 0 the interrupted Poisson process
/// (on/off), whose gaps are hyperexponential with a coefficient of variation above 1.
/// </summary>
/// <remarks>
/// The jump chain (uniform over the other states) is doubly stochastic, so it visits every state
/// equally often and the long-run fraction of time in state i is proportional to its mean sojourn.
/// The process starts in a state drawn from that distribution with a fresh exponential sojourn,
/// which by memorylessness is exactly the stationary start: no warm-up is needed for the arrivals.
/// </remarks>
public sealed class MarkovModulatedArrivals : IArrivalProcess
{
    private readonly double[] _ratesPerSecond;
    private readonly double[] _meanSojournSeconds;
    private readonly Random _rng;
    private int _state;
    private double _stateEndSeconds;
    private double _timeSeconds;

    public MarkovModulatedArrivals(double[] ratesPerSecond, double[] meanSojournSeconds, Random rng)
    {
        ArgumentNullException.ThrowIfNull(ratesPerSecond);
        ArgumentNullException.ThrowIfNull(meanSojournSeconds);
        ArgumentNullException.ThrowIfNull(rng);
        if (ratesPerSecond.Length < 2)
            throw new ArgumentException(
                $"an MMPP needs at least 2 states, but {ratesPerSecond.Length} rate(s) were given (use PoissonArrivals for one).",
                nameof(ratesPerSecond));
        if (meanSojournSeconds.Length != ratesPerSecond.Length)
            throw new ArgumentException(
                $"meanSojournSeconds has {meanSojournSeconds.Length} entries but ratesPerSecond has {ratesPerSecond.Length}; give one of each per state.",
                nameof(meanSojournSeconds));
        for (int i = 0; i < ratesPerSecond.Length; i++)
        {
            Require.NonNegativeFinite(ratesPerSecond[i], $"ratesPerSecond[{i}]");
            Require.PositiveFinite(meanSojournSeconds[i], $"meanSojournSeconds[{i}]");
        }
        if (ratesPerSecond.All(r => r == 0))
            throw new ArgumentException("at least one state of an MMPP must have a rate > 0.", nameof(ratesPerSecond));

        // Copies: the caller's arrays could change under us otherwise.
        _ratesPerSecond = (double[])ratesPerSecond.Clone();
        _meanSojournSeconds = (double[])meanSojournSeconds.Clone();
        _rng = rng;

        double totalSojourn = _meanSojournSeconds.Sum();
        MeanRatePerSecond = _ratesPerSecond.Zip(_meanSojournSeconds, (r, s) => r * s).Sum() / totalSojourn;

        // The starting state is drawn on first use, not here: the loader builds the process once without a random
        // source to describe it (Catalog.TryBind), and the draws are the same ones in the same order either way.
        _state = -1;
    }

    private void Start()
    {
        _state = DrawStationaryState(_meanSojournSeconds.Sum());
        _stateEndSeconds = Sampling.ExponentialGap(_rng, 1.0 / _meanSojournSeconds[_state]);
    }

    /// <summary>sum(rate_i * sojourn_i) / sum(sojourn_i): the time-average of the state rates.</summary>
    public double MeanRatePerSecond { get; }

    /// <summary>The current modulating state (for tests and traces of the burst pattern).</summary>
    public int State
    {
        get
        {
            if (_state < 0) Start();
            return _state;
        }
    }

    public Arrival Next()
    {
        if (_state < 0) Start();
        while (true)
        {
            double candidate = _timeSeconds + Sampling.ExponentialGap(_rng, _ratesPerSecond[_state]);
            if (candidate < _stateEndSeconds)
            {
                _timeSeconds = Sampling.StrictlyAfter(_timeSeconds, candidate);
                return new Arrival(_timeSeconds);
            }
            // No arrival before the state ends: move to the switch and redraw there. Memorylessness
            // makes discarding the overshooting gap exact.
            _timeSeconds = _stateEndSeconds;
            int next = _rng.Next(_ratesPerSecond.Length - 1);
            _state = next >= _state ? next + 1 : next;
            _stateEndSeconds = _timeSeconds + Sampling.ExponentialGap(_rng, 1.0 / _meanSojournSeconds[_state]);
        }
    }

    private int DrawStationaryState(double totalSojourn)
    {
        double u = _rng.NextDouble() * totalSojourn;
        for (int i = 0; i < _meanSojournSeconds.Length - 1; i++)
        {
            u -= _meanSojournSeconds[i];
            if (u < 0) return i;
        }
        return _meanSojournSeconds.Length - 1;
    }
}
