using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HacaSim.Analysis.Output;

namespace HacaSim.Capacity;

/// <summary>The capacity check as summary.json's <c>capacity</c> object and as the text table of <c>hacasim capacity</c>.</summary>
public static class CapacityWriter
{
    /// <summary>summary.json's <c>capacity</c> object.</summary>
    public static JsonObject Node(CapacityReport r)
    {
        var pools = new JsonObject();
        foreach (PoolLoad p in r.Pools)
        {
            var pool = new JsonObject
            {
                [SummaryKeys.Roles] = new JsonArray([.. p.Roles.Select(role => (JsonNode)JsonValue.Create(role))]),
                [SummaryKeys.WorkPerRequestSeconds] = Number(p.WorkPerRequestSeconds),
                [SummaryKeys.WorkByStageSeconds] = new JsonObject(p.WorkByStage.OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => KeyValuePair.Create(s.Key, Number(s.Value)))),
                [SummaryKeys.JobsPerRequest] = Number(p.JobsPerRequest),
                [SummaryKeys.ServiceScv] = Number(p.ServiceScv),
                [SummaryKeys.CapacityWorkSecondsPerSecond] = Number(p.CapacityWorkPerSecond),
                [SummaryKeys.Batching] = p.Batching,
                [SummaryKeys.Rho] = Number(p.Rho),
                [SummaryKeys.TeeRho] = Number(p.TeeRho),
            };
            // Only on a tee_gateway pool, so that every other scenario's capacity section keeps its bytes.
            if (p.ProviderRho is { } pr) pool[SummaryKeys.ProviderRho] = Number(pr);
            // null when nothing limits the rate (every rho is 0)
            pool[SummaryKeys.KneeArrivalRatePerSecond] = Number(p.KneeArrivalRate);
            pools[p.Name] = pool;
        }
        return new JsonObject
        {
            [SummaryKeys.ArrivalRatePerSecond] = Number(r.ArrivalRatePerSecond),
            [SummaryKeys.ArrivalRateMethod] = r.ArrivalRateMethod,
            [SummaryKeys.Bottleneck] = r.Bottleneck,
            [SummaryKeys.RhoMax] = Number(r.MaxRho),
            [SummaryKeys.KneeArrivalRatePerSecond] = Number(r.KneeArrivalRate),
            [SummaryKeys.Pools] = pools,
            [CapacityReport.ChainName] = new JsonObject
            {
                [SummaryKeys.ItemsPerRequest] = Number(r.Chain.ItemsPerRequest),
                [SummaryKeys.CapacityItemsPerSecond] = Number(r.Chain.CapacityItemsPerSecond),
                [SummaryKeys.Formula] = r.Chain.Formula,
                [SummaryKeys.Rho] = Number(r.Chain.Rho),
                [SummaryKeys.KneeArrivalRatePerSecond] = Number(r.Chain.KneeArrivalRate),
            },
            [SummaryKeys.Notes] = new JsonArray([.. r.Notes.Select(note => (JsonNode)JsonValue.Create(note))]),
        };
    }

    /// <summary>The table <c>hacasim capacity</c> prints.</summary>
    public static string Table(string scenario, CapacityReport r)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(ci, $"{scenario}: analytic capacity at {r.ArrivalRatePerSecond:0.####} req/s ({r.ArrivalRateMethod.Replace('_', ' ')})"));
        sb.AppendLine();
        sb.AppendLine("pool            roles                              work/req (s)  jobs/req  capacity (work-s/s)     rho   knee (req/s)");
        foreach (PoolLoad p in r.Pools)
        {
            string rho = p.TeeRho is { } t ? string.Create(ci, $"{p.Rho:0.000} (TEE nodes {t:0.000})")
                : p.ProviderRho is { } pr ? string.Create(ci, $"{p.Rho:0.000} (provider rate limit {pr:0.000})")
                : p.Rho.ToString("0.000", ci);
            sb.AppendLine(string.Create(ci,
                $"{p.Name,-15} {string.Join(",", p.Roles),-34} {p.WorkPerRequestSeconds,12:0.####} {p.JobsPerRequest,9:0.###} {p.CapacityWorkPerSecond,20:0.###}{(p.Batching ? "*" : " ")} {rho,7} {Knee(p.KneeArrivalRate),14}"));
        }
        sb.AppendLine(string.Create(ci,
            $"{CapacityReport.ChainName,-15} {"settlement",-34} {"",12} {r.Chain.ItemsPerRequest,9:0.###} {Knee(r.Chain.CapacityItemsPerSecond),20}  {r.Chain.Rho,7:0.000} {Knee(r.Chain.KneeArrivalRate),14}"));
        sb.AppendLine("chain throughput: " + r.Chain.Formula);
        if (r.Pools.Any(p => p.Batching)) sb.AppendLine("* continuous batching: capacity is the full batch's throughput; rho is the share of it in use, not busy slots / slots");
        sb.AppendLine();
        sb.AppendLine(string.Create(ci,
            $"bottleneck: {r.Bottleneck} (rho {r.MaxRho:0.000}); analytic knee: {Knee(r.KneeArrivalRate)} req/s (every class's arrivals scaled together until the bottleneck's rho reaches 1)"));
        foreach (string note in r.Notes) sb.AppendLine("note: " + note);
        return sb.ToString();
    }

    private static string Knee(double x) => double.IsFinite(x) ? x.ToString(x < 100 ? "0.###" : "0.#", CultureInfo.InvariantCulture) : "unlimited";

    private static JsonNode? Number(double? x) => JsonOutput.NumberOrNull(x);
}
