using System.Data.Common;

namespace StoreSite.Data;

/// <summary>Parameters for the module's hand-written SQL (always parameterised).</summary>
public static class DbCommandParameters
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Sets a parameter of a reused command, adding it on first use.</summary>
    public static void SetParameter(this DbCommand command, string name, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            command.AddParameter(name, value);
        }
    }
}
