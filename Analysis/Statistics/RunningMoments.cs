using System.Runtime.Serialization;
using System.Xml;
using System.Xml.Linq;
using MathNet.Numerics.Statistics;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Reads and restores the state of MathNet's <see cref="RunningStatistics"/> through the DataContract it
/// declares (fields _n, _min, _max, _m1.._m4): the type offers no other way to rebuild an accumulator, and
/// re-deriving the state from Combine would round. MathNet calls this contract ephemeral (no compatibility
/// between versions), which fits: a saved state is only read back by the same hacasim build (sharded runs
/// check the tool version).
/// </summary>
internal static class RunningMoments
{
    private static readonly DataContractSerializer Serializer = new(typeof(RunningStatistics));

    public static MomentsState Save(RunningStatistics moments)
    {
        var doc = new XDocument();
        using (XmlWriter w = doc.CreateWriter()) Serializer.WriteObject(w, moments);
        double D(string name) => XmlConvert.ToDouble(Field(doc, name));
        return new MomentsState(XmlConvert.ToInt64(Field(doc, "_n")), D("_min"), D("_max"), D("_m1"), D("_m2"), D("_m3"), D("_m4"));
    }

    public static RunningStatistics Restore(MomentsState s)
    {
        XNamespace ns = "urn:MathNet/Numerics";
        var root = new XElement(ns + nameof(RunningStatistics),
            new XElement(ns + "_n", XmlConvert.ToString(s.Count)),
            new XElement(ns + "_min", XmlConvert.ToString(s.Min)),
            new XElement(ns + "_max", XmlConvert.ToString(s.Max)),
            new XElement(ns + "_m1", XmlConvert.ToString(s.M1)),
            new XElement(ns + "_m2", XmlConvert.ToString(s.M2)),
            new XElement(ns + "_m3", XmlConvert.ToString(s.M3)),
            new XElement(ns + "_m4", XmlConvert.ToString(s.M4)));
        using XmlReader r = root.CreateReader();
        return (RunningStatistics)Serializer.ReadObject(r)!;
    }

    private static string Field(XDocument doc, string name) =>
        doc.Root!.Elements().First(e => e.Name.LocalName == name).Value;
}
