namespace HacaSim.Analysis.Charts;

/// <summary>
/// Sampled rows grouped by a name (a pool, a path) in ordinal order, and within a name by sample time, ascending, each
/// group's rows in their input order: exactly what <c>rows.GroupBy(name, Ordinal).OrderBy(name, Ordinal)</c> and, per
/// name, <c>GroupBy(time).OrderBy(time)</c> give, so a chart's points are the same.
/// </summary>
/// <remarks>
/// Why: for one replication a name's rows already come in strictly rising time (one row per sample), and grouping them
/// through LINQ's lookups and sort was most of the time a long run's time-series charts spent before drawing (an M/M/4
/// run's 11,111 samples per line: ~50 ms per chart at load). Rising times make each row its own group, in order, so
/// that case needs no grouping; any other (several replications sampled on one grid) goes through LINQ as before.
/// </remarks>
public static class TimeGroups
{
    public static List<(string Name, List<(double Time, IReadOnlyList<TRow> Rows)> Times)> Of<TRow>(
        IReadOnlyList<TRow> rows, Func<TRow, string> name, Func<TRow, double> time)
    {
        (List<string> names, Dictionary<string, List<TRow>> byName) = ByName(rows, name);
        var result = new List<(string, List<(double, IReadOnlyList<TRow>)>)>(names.Count);
        foreach (string key in names) result.Add((key, ByTime(byName[key], time)));
        return result;
    }

    /// <summary>
    /// Per name (ordinal order), the sample times ascending and at each the value <paramref name="combine"/> makes of that
    /// time's rows: the points of <see cref="Of"/>, without a list per point. <paramref name="combine"/> must not keep the
    /// list it is given (one buffer is reused for the rows of a name whose times rise, one row per time).
    /// </summary>
    public static List<(string Name, double[] Times, double[] Values)> Combine<TRow>(IReadOnlyList<TRow> rows, Func<TRow, string> name,
        Func<TRow, double> time, Func<IReadOnlyList<TRow>, double> combine)
    {
        (List<string> names, Dictionary<string, List<TRow>> byName) = ByName(rows, name);
        var result = new List<(string, double[], double[])>(names.Count);
        var one = new TRow[1];
        foreach (string key in names)
        {
            List<TRow> own = byName[key];
            if (Rising(own, time))
            {
                var times = new double[own.Count];
                var values = new double[own.Count];
                for (int i = 0; i < own.Count; i++)
                {
                    times[i] = time(own[i]);
                    one[0] = own[i];
                    values[i] = combine(one);
                }
                result.Add((key, times, values));
            }
            else
            {
                List<(double Time, IReadOnlyList<TRow> Rows)> groups = ByTime(own, time);
                result.Add((key, [.. groups.Select(g => g.Time)], [.. groups.Select(g => combine(g.Rows))]));
            }
        }
        return result;
    }

    private static bool Rising<TRow>(List<TRow> rows, Func<TRow, double> time)
    {
        for (int i = 1; i < rows.Count; i++)
            if (!(time(rows[i]) > time(rows[i - 1]))) return false; // false for NaN too
        return true;
    }

    /// <summary>Rows grouped by sample time, ascending, each group's rows in input order: <c>GroupBy(time).OrderBy(time)</c>.</summary>
    public static List<(double Time, IReadOnlyList<TRow> Rows)> ByTime<TRow>(IReadOnlyList<TRow> rows, Func<TRow, double> time)
    {
        bool rising = true;
        for (int i = 1; i < rows.Count && rising; i++) rising = time(rows[i]) > time(rows[i - 1]); // false for NaN too
        if (rising)
        {
            var single = new List<(double, IReadOnlyList<TRow>)>(rows.Count);
            foreach (TRow row in rows) single.Add((time(row), [row]));
            return single;
        }
        return [.. rows.GroupBy(time).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<TRow>)g.ToList()))];
    }

    /// <summary>The rows of each name, in input order, and the distinct names in ordinal order (the order OrderBy(name, Ordinal) gives).</summary>
    private static (List<string> Names, Dictionary<string, List<TRow>> ByName) ByName<TRow>(IReadOnlyList<TRow> rows, Func<TRow, string> name)
    {
        var byName = new Dictionary<string, List<TRow>>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (TRow row in rows)
        {
            string key = name(row);
            if (!byName.TryGetValue(key, out List<TRow>? list))
            {
                byName.Add(key, list = []);
                names.Add(key);
            }
            list.Add(row);
        }
        names.Sort(StringComparer.Ordinal);
        return (names, byName);
    }
}
