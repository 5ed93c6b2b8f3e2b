using System.Globalization;
using System.Text;
using System.Text.Json;
using HacaSim.Analysis.Output;

namespace HacaSim.Capacity;

/// <summary>The capacity check as summary.json's <c>capacity</c> object and as the text table of <c>hacasim capacity</c>.</summary>
public static class CapacityWriter
{
    public static void WriteJson(Utf8JsonWriter w, CapacityReport r)
    {
        w.WriteStartObject(SummaryKeys.Capacity);
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.ArrivalRatePerSecond, Finite(r.ArrivalRatePerSecond));
        w.WriteString(SummaryKeys.ArrivalRateMethod, r.ArrivalRateMethod);
        w.WriteString(SummaryKeys.Bottleneck, r.Bottleneck);
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.RhoMax, Finite(r.MaxRho));
        // null when nothing limits the rate (every rho is 0)
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.KneeArrivalRatePerSecond, Finite(r.KneeArrivalRate));
        w.WriteStartObject(SummaryKeys.Pools);
        foreach (PoolLoad p in r.Pools)
        {
            w.WriteStartObject(p.Name);
            w.WriteStartArray(SummaryKeys.Roles);
            foreach (string role in p.Roles) w.WriteStringValue(role);
            w.WriteEndArray();
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.WorkPerRequestSeconds, p.WorkPerRequestSeconds);
            w.WriteStartObject(SummaryKeys.WorkByStageSeconds);
            foreach (var (stage, work) in p.WorkByStage.OrderBy(s => s.Key, StringComparer.Ordinal)) JsonOutput.WriteNumberOrNull(w, stage, work);
            w.WriteEndObject();
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.JobsPerRequest, p.JobsPerRequest);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.ServiceScv, p.ServiceScv);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.CapacityWorkSecondsPerSecond, Finite(p.CapacityWorkPerSecond));
            w.WriteBoolean(SummaryKeys.Batching, p.Batching);
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.Rho, Finite(p.Rho));
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.TeeRho, p.TeeRho is { } t ? Finite(t) : null);
            // Only on a tee_gateway pool, so that every other scenario's capacity section keeps its bytes.
            if (p.ProviderRho is { } pr) JsonOutput.WriteNumberOrNull(w, SummaryKeys.ProviderRho, Finite(pr));
            JsonOutput.WriteNumberOrNull(w, SummaryKeys.KneeArrivalRatePerSecond, Finite(p.KneeArrivalRate));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject(CapacityReport.ChainName);
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.ItemsPerRequest, r.Chain.ItemsPerRequest);
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.CapacityItemsPerSecond, Finite(r.Chain.CapacityItemsPerSecond));
        w.WriteString(SummaryKeys.Formula, r.Chain.Formula);
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.Rho, Finite(r.Chain.Rho));
        JsonOutput.WriteNumberOrNull(w, SummaryKeys.KneeArrivalRatePerSecond, Finite(r.Chain.KneeArrivalRate));
        w.WriteEndObject();
        w.WriteStartArray(SummaryKeys.Notes);
        foreach (string note in r.Notes) w.WriteStringValue(note);
        w.WriteEndArray();
        w.WriteEndObject();
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

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
