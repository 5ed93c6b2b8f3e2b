using System.Runtime.InteropServices;

namespace HacaSim.Cli;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation that the run checks between events, so
/// it stops within milliseconds, deletes its temporary files and leaves the INCOMPLETE marker. A second
/// signal is not intercepted: the process then ends at once, as the user asked twice.
/// PosixSignalRegistration also receives Ctrl-C and Ctrl-Break on Windows, so Console.CancelKeyPress is not needed.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TextWriter _stderr;
    private readonly PosixSignalRegistration[] _registrations;

    public InterruptSignal(TextWriter stderr)
    {
        _stderr = stderr;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _cancel.Token;

    private void Handle(PosixSignalContext context)
    {
        if (_cancel.IsCancellationRequested) return; // second signal: default action, the process ends now
        context.Cancel = true;
        _stderr.WriteLine($"{context.Signal}: stopping the run (send it again to quit at once)");
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
