using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Tests.Sensitivity;

public class WilsonIntervalTests
{
    [Test]
    public void Matches_the_published_example()
    {
        // Brown, Cai and DasGupta (2001)'s formula at x = 8 of n = 20, 95%: centre 0.4144, half-width 0.1957 ->
        // [0.2188, 0.6134] (R: prop.test(8, 20, correct = FALSE)$conf.int gives 0.2188, 0.6134).
        WilsonInterval w = WilsonInterval.Of(8, 20);
        Assert.Multiple(() =>
        {
            Assert.That(w.Proportion, Is.EqualTo(0.4));
            Assert.That(w.Lower, Is.EqualTo(0.2188).Within(1e-4));
            Assert.That(w.Upper, Is.EqualTo(0.6134).Within(1e-4));
        });
    }

    [Test]
    public void None_and_all_keep_an_interval()
    {
        // 0 of 10: [0, z^2 / (n + z^2)] = [0, 0.2775].
        Assert.That(WilsonInterval.Of(0, 10).Upper, Is.EqualTo(3.8415 / 13.8415).Within(1e-4));
        Assert.That(WilsonInterval.Of(0, 10).Lower, Is.EqualTo(0));
        Assert.That(WilsonInterval.Of(10, 10).Upper, Is.EqualTo(1));
        Assert.That(WilsonInterval.Of(10, 10).Lower, Is.EqualTo(1 - 3.8415 / 13.8415).Within(1e-4));
    }
}
