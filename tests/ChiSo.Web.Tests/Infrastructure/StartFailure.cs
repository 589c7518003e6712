namespace ChiSo.Web.Tests.Infrastructure;

/// <summary>Starts an app that must refuse to start; returns every message of the failure (wrapped exceptions included).</summary>
public static class StartFailure
{
    public static string MessagesOf(ChiSoWebFactory app)
    {
        var failure = Record.Exception(() => app.CreateClient().Dispose());
        Assert.NotNull(failure);
        return string.Join(" | ", Flatten(failure));
    }

    private static IEnumerable<string> Flatten(Exception e)
    {
        yield return e.Message;
        var inner = e is AggregateException aggregate ? aggregate.InnerExceptions : e.InnerException is null ? [] : [e.InnerException];
        foreach (var message in inner.SelectMany(Flatten))
        {
            yield return message;
        }
    }
}
