using System.Net;
using System.Net.Sockets;

namespace Evidence.Analytics.Browser.Tests;

/// <summary>Serves one HTML page on a local port in two parts, the second only once <c>release</c> completes: a
/// page that is still arriving, as over a slow connection.</summary>
public sealed class TwoPartServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public TwoPartServer(byte[] first, byte[] second, Task release)
    {
        int port = FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = ServeAsync(first, second, release);
    }

    public string Url { get; }

    private async Task ServeAsync(byte[] first, byte[] second, Task release)
    {
        var context = await _listener.GetContextAsync();
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.SendChunked = true;
        await response.OutputStream.WriteAsync(first);
        await response.OutputStream.FlushAsync();
        await release;
        await response.OutputStream.WriteAsync(second);
        response.Close();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Close();
        _ = _serving.Exception; // observed: a page closed early leaves the response unfinished
    }
}
