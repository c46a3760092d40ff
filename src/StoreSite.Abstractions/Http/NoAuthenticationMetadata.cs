using Microsoft.AspNetCore.Builder;

namespace StoreSite.Http;

/// <summary>
/// Endpoint metadata: the endpoint never asks who is signed in (a public machine API such as the
/// Verify API), so the host does not authenticate its requests; a cookie sent along is not read.
/// Add it with <see cref="NoAuthenticationExtensions.WithoutAuthentication{TBuilder}"/>.
/// </summary>
public sealed class NoAuthenticationMetadata
{
    public static readonly NoAuthenticationMetadata Instance = new();

    private NoAuthenticationMetadata()
    {
    }
}

public static class NoAuthenticationExtensions
{
    /// <summary>Anonymous, and not authenticated at all (see <see cref="NoAuthenticationMetadata"/>).</summary>
    public static TBuilder WithoutAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(NoAuthenticationMetadata.Instance);
}
