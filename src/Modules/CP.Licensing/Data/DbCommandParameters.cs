using System.Data.Common;

namespace CP.Licensing.Data;

/// <summary>Parameters for the module's hand-written SQL (always parameterised).</summary>
internal static class DbCommandParameters
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
