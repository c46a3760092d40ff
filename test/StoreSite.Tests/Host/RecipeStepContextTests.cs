using System.Globalization;
using System.Text.Json;
using StoreSite.Recipes;

namespace StoreSite.Tests.Host;

/// <summary>The readers recipe steps share: a decimal given as a string is read one way, in every culture, and never with thousands separators.</summary>
public sealed class RecipeStepContextTests
{
    [Theory]
    [InlineData("""{"v": 9.5}""", "9.5")]
    [InlineData("""{"v": "9.5"}""", "9.5")]
    [InlineData("""{"v": "-2.25"}""", "-2.25")]
    [InlineData("""{"v": "1000"}""", "1000")]
    public void A_decimal_is_a_JSON_number_or_a_string_with_a_point(string json, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Read(json));
    }

    [Theory]
    [InlineData("""{"v": "9,50"}""")]
    [InlineData("""{"v": "1,000.00"}""")]
    [InlineData("""{"v": "1e3"}""")]
    [InlineData("""{"v": " 9.5 "}""")]
    [InlineData("""{"v": "\u0661\u0662"}""")]
    [InlineData("""{"v": true}""")]
    public void Anything_else_stops_the_recipe_naming_the_field(string json)
    {
        var error = Assert.Throws<RecipeException>(() => Read(json));
        Assert.Contains("'plans[0].v'", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be a decimal number.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_string_reads_the_same_in_a_culture_with_a_decimal_comma()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(9.5m, Read("""{"v": "9.5"}"""));
            Assert.Throws<RecipeException>(() => Read("""{"v": "9,5"}"""));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private static decimal? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var context = new RecipeStepContext("test", "Step", 1, document.RootElement, new HashSet<string>(), new EmptyServices());
        return context.OptionalDecimal(document.RootElement, "v", "plans[0].v");
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
