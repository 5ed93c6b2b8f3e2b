namespace HacaSim.Tests.Engine;

/// <summary>Exact steady-state results (Kleinrock, Queueing Systems vol. 1; Gross and Harris).</summary>
internal static class QueueingFormulas
{
    /// <summary>Erlang C: probability an arrival waits in M/M/c with offered load a = lambda/mu.</summary>
    public static double ErlangC(int c, double a)
    {
        double rho = a / c;
        double term = 1, sum = 1; // k = 0
        for (int k = 1; k < c; k++)
        {
            term *= a / k;
            sum += term;
        }
        double last = term * a / c / (1 - rho);
        return last / (sum + last);
    }

    public static double MmcWq(double lambda, double mu, int c) => ErlangC(c, lambda / mu) / (c * mu - lambda);

    /// <summary>Pollaczek-Khinchine mean wait for M/G/1.</summary>
    public static double Mg1Wq(double lambda, double serviceMean, double serviceVariance)
    {
        double rho = lambda * serviceMean;
        return lambda * (serviceVariance + serviceMean * serviceMean) / (2 * (1 - rho));
    }

    /// <summary>M/M/1/K: probability that an arrival finds K in the system and is lost.</summary>
    public static double Mm1kLoss(double rho, int k) =>
        rho == 1 ? 1.0 / (k + 1) : (1 - rho) * Math.Pow(rho, k) / (1 - Math.Pow(rho, k + 1));

    /// <summary>M/M/1/K mean number in system.</summary>
    public static double Mm1kL(double rho, int k) =>
        rho / (1 - rho) - (k + 1) * Math.Pow(rho, k + 1) / (1 - Math.Pow(rho, k + 1));
}
